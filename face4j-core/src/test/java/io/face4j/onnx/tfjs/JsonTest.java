package io.face4j.onnx.tfjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The strict JSON reader: what RFC 8259 allows is read exactly, anything else fails with line and column. */
class JsonTest {

    @Test
    void readsEveryKindOfValue() {
        Object doc = Json.parse(" {\"a\": [1, -2.5e3, 0.125, true, false, null], \"s\": \"x\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\", "
                + "\"o\": {}, \"l\": []}\n");
        Map<?, ?> m = (Map<?, ?>) doc;
        assertEquals(List.of("a", "s", "o", "l"), List.copyOf(m.keySet()), "document order");
        List<?> a = (List<?>) m.get("a");
        assertEquals(1.0, a.get(0));
        assertEquals(-2500.0, a.get(1));
        assertEquals(0.125, a.get(2));
        assertEquals(Boolean.TRUE, a.get(3));
        assertEquals(Boolean.FALSE, a.get(4));
        assertSame(Json.NULL, a.get(5));
        assertEquals("x\"\\/\b\f\n\r\t\u00e9\uD83D\uDE00", m.get("s"));
        assertEquals(Map.of(), m.get("o"));
        assertEquals(List.of(), m.get("l"));
    }

    static Stream<Arguments> invalidDocuments() {
        return Stream.of(
                Arguments.of("[1, 2,]", "expected a value", 1, 7),
                Arguments.of("{\"a\": 1,}", "expected a string key", 1, 9),
                Arguments.of("{\"a\": 1, \"a\": 2}", "duplicate key \"a\"", 1, 10),
                Arguments.of("[01]", "found '1'", 1, 3),
                Arguments.of("// c\n[1]", "expected a value", 1, 1),
                Arguments.of("[NaN]", "expected a value", 1, 2),
                Arguments.of("[1] 2", "after the end of the document", 1, 5),
                Arguments.of("\"\\ud800\"", "lone high surrogate", 1, 8),
                Arguments.of("\"a\tb\"", "unescaped control character", 1, 3),
                Arguments.of("\"\\x\"", "invalid escape", 1, 3),
                Arguments.of("[1.]", "digit after the decimal point", 1, 4),
                Arguments.of("{\"a\" 1}", "expected ':'", 1, 6),
                Arguments.of("[", "end of input", 1, 2),
                Arguments.of("", "expected a value", 1, 1));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @MethodSource("invalidDocuments")
    void rejectsWhatTheStandardDoesNot(String doc, String problem, int line, int column) {
        Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse(doc));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().endsWith("line " + line + ", column " + column), e.getMessage());
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String doc = "[".repeat(100_000);
        Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse(doc));
        assertTrue(e.getMessage().contains("nesting deeper than"), e.getMessage());
    }

    @Test
    void linesAreCountedForErrors() {
        Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse("{\n  \"a\": [1,\n  2,,3]\n}"));
        assertTrue(e.getMessage().endsWith("line 3, column 5"), e.getMessage());
    }
}
