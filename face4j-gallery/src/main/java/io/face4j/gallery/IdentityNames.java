package io.face4j.gallery;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The rules for identity display names. A name may be any Unicode text (accents, CJK, emoji) and is stored in NFC
 * with surrounding white space removed. Refused, with a message naming the problem: null, empty or blank, longer
 * than {@value #MAX_CODE_POINTS} code points, control characters (including newlines, tabs and NUL), line and
 * paragraph separators, bidirectional override characters (they make one name display as another), unpaired
 * surrogates, path separators ({@code /} and {@code \}) and names made only of dots: names end up in folder names,
 * log lines and HTTP headers of the adapters. Thread-safe (stateless).
 */
public final class IdentityNames {
    /** 200: the bound; longer than any real full name with its transliteration, short enough for a UI row. */
    public static final int MAX_CODE_POINTS = 200;

    private IdentityNames() {
    }

    /** Returns the stored form of {@code name} (NFC, stripped) or throws {@link IllegalArgumentException}. */
    public static String normalise(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name must not be null");
        }
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC).strip();
        if (nfc.isEmpty()) {
            throw new IllegalArgumentException("name must not be empty or blank");
        }
        int codePoints = nfc.codePointCount(0, nfc.length());
        if (codePoints > MAX_CODE_POINTS) {
            throw new IllegalArgumentException("name is " + codePoints + " characters long; at most "
                    + MAX_CODE_POINTS + " are allowed");
        }
        for (int i = 0; i < nfc.length(); ) {
            int cp = nfc.codePointAt(i);
            String problem = problem(cp);
            if (problem != null) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "name contains %s (U+%04X) at index %d", problem, cp, i));
            }
            i += Character.charCount(cp);
        }
        if (nfc.chars().allMatch(c -> c == '.')) {
            throw new IllegalArgumentException("name must not consist only of dots, got \"" + nfc + "\"");
        }
        return nfc;
    }

    /** The uniqueness key of an already normalised name: two names with the same key are the same name. */
    static String key(String normalised) {
        return Normalizer.normalize(normalised.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    }

    private static String problem(int cp) {
        int type = Character.getType(cp);
        if (type == Character.CONTROL) {
            return "a control character";
        }
        if (type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
            return "a line or paragraph separator";
        }
        if (type == Character.SURROGATE) {
            return "an unpaired surrogate";
        }
        // U+202A..U+202E and U+2066..U+2069: the bidi embedding, override and isolate controls.
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
            return "a bidirectional control character";
        }
        if (cp == '/' || cp == '\\') {
            return "a path separator";
        }
        return null;
    }
}
