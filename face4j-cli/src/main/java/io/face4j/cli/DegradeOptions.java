package io.face4j.cli;

import io.face4j.image.Degradation;
import picocli.CommandLine.Option;

/** {@code --degrade SPEC --degrade-seed N}: a synthetic degradation of the probe images, shared by the eval commands. */
final class DegradeOptions {
    @Option(names = "--degrade", paramLabel = "SPEC", defaultValue = "none",
            description = {"degrade probe images after reading: none, dark[:gamma=2.5,gain=0.35,noise=8],",
                    "backlight[:face=0.35,background=1.6], blur[:sigma=2] or lowres[:48] (default: ${DEFAULT-VALUE})"})
    String spec;

    @Option(names = "--degrade-seed", paramLabel = "N", defaultValue = "0",
            description = "seed of the degradation noise, combined with each file name (default: ${DEFAULT-VALUE})")
    long seed;

    /** The parsed spec; a bad one is a usage error (exit 1) naming the problem. */
    Degradation degradation() {
        return parse(spec, "--degrade");
    }

    /** Parses a spec given to {@code option}; a bad one is a usage error naming the option and the problem. */
    static Degradation parse(String spec, String option) {
        try {
            return Degradation.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }
}
