package ddpg.rl.train;

import ddpg.engine.io.Json;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The fields of a JSON object read from a run file (state.json, manifest.json, config.json), by name and type. A
 * missing file, malformed JSON or a missing or mistyped field is a {@link BadFile} that names the file, the field and
 * {@code fix}, what to do about it.
 */
final class JsonFields {
    private final Path file;
    private final Map<String, Object> map;
    private final String fix;

    private JsonFields(Path file, Map<String, Object> map, String fix) {
        this.file = file;
        this.map = map;
        this.fix = fix;
    }

    static JsonFields read(Path file, String fix) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadFile(file + " is missing; " + fix);
        } catch (CharacterCodingException e) {
            throw new BadFile(file + " is not text (corrupt); " + fix);
        } catch (IOException e) {
            throw new BadFile("cannot read " + file + " (" + WriteFailed.reason(e) + "); " + fix);
        }
        try {
            return new JsonFields(file, Json.parseObject(text), fix);
        } catch (IllegalArgumentException e) {
            throw new BadFile(file + " is not valid JSON (" + e.getMessage() + "); " + fix);
        }
    }

    /** The parsed object, for writing it back or reading it as a whole. */
    Map<String, Object> map() {
        return map;
    }

    long whole(String key) {
        try {
            return Json.toLong(get(key));
        } catch (RuntimeException e) {
            throw mistyped(key, "a whole number", e);
        }
    }

    double number(String key) {
        try {
            return Json.toDouble(get(key));
        } catch (RuntimeException e) {
            throw mistyped(key, "a number", e);
        }
    }

    String text(String key) {
        if (get(key) instanceof String s) return s;
        throw mistyped(key, "a string", null);
    }

    long[] wholes(String key) {
        try {
            return Json.toLongArray(get(key));
        } catch (RuntimeException e) {
            throw mistyped(key, "a list of whole numbers", e);
        }
    }

    double[] numbers(String key) {
        try {
            return Json.toDoubleArray(get(key));
        } catch (RuntimeException e) {
            throw mistyped(key, "a list of numbers", e);
        }
    }

    /** The nested object {@code key}. */
    @SuppressWarnings("unchecked")
    JsonFields object(String key) {
        if (get(key) instanceof Map<?, ?> m) return new JsonFields(file, (Map<String, Object>) m, fix);
        throw mistyped(key, "an object", null);
    }

    /** A problem found in the values themselves, named with the file. */
    BadFile bad(String problem) {
        return new BadFile(file + ": " + problem + " (damaged or edited); " + fix);
    }

    private Object get(String key) {
        Object v = map.get(key);
        if (v == null) throw new BadFile(file + " has no '" + key + "' field (damaged or not written by ddpg); " + fix);
        return v;
    }

    private BadFile mistyped(String key, String expected, RuntimeException cause) {
        if (cause instanceof BadFile b) return b;
        return new BadFile(file + ": field '" + key + "' is not " + expected + " (damaged or edited); " + fix, cause);
    }
}
