package io.face4j.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.javalin.security.RouteRole;

/**
 * API keys, stored hashed: one line per key, {@code scope salt sha256(salt + key) created}, salt and hash in hex.
 * A key is shown once, when {@link #create} makes it. Thread-safe: the file is read once when loaded.
 */
final class ApiKeys {
    /** What a key may do; {@link #ADMIN} includes {@link #RECOGNIZE}. Also Javalin's route role. */
    enum Scope implements RouteRole {
        /** detect, recognize, verify, embed, live, and reading the gallery */
        RECOGNIZE,
        /** enrolment, renaming, deletion, calibration */
        ADMIN;

        boolean allows(Scope required) {
            return this == ADMIN || this == required;
        }

        static Scope parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("scope must be recognize or admin, got '" + text + "'");
            }
        }
    }

    private record Entry(Scope scope, byte[] salt, byte[] hash) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The keys of a file; none when it does not exist. */
    static ApiKeys load(Path file) {
        if (!Files.exists(file)) {
            return new ApiKeys(List.of());
        }
        List<Entry> entries = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.trim().split("\\s+");
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (parts.length < 3) {
                    throw new IllegalArgumentException("bad line in API key file " + file + ": expected 'scope salt hash'");
                }
                entries.add(new Entry(Scope.parse(parts[0]), HexFormat.of().parseHex(parts[1]), HexFormat.of().parseHex(parts[2])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read API key file " + file + ": " + e.getMessage(), e);
        }
        return new ApiKeys(entries);
    }

    /** Makes a new key of the scope, appends its hash to the file (created owner-only when missing) and returns it. */
    static String create(Path file, Scope scope) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String key = "f4j_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String line = String.format(Locale.ROOT, "%s %s %s %s%n", scope.name().toLowerCase(Locale.ROOT),
                HexFormat.of().formatHex(salt), HexFormat.of().formatHex(hash(salt, key)), Instant.now());
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            if (!Files.exists(file)) {
                Files.createFile(file);
                restrictToOwner(file);
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write API key file " + file + ": " + e.getMessage(), e);
        }
        return key;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The scope of a presented key, empty when it matches none. Compares hashes in constant time. */
    Optional<Scope> scopeOf(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        Scope best = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.hash(), hash(e.salt(), key)) && (best == null || e.scope() == Scope.ADMIN)) {
                best = e.scope();
            }
        }
        return Optional.ofNullable(best);
    }

    private static byte[] hash(byte[] salt, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system (Windows): the user's profile folder is private already
        }
    }
}
