package io.face4j.cli;

public final class Face4jCli {
    public static void main(String[] args) {
        System.out.println("face4j");
    }
}
