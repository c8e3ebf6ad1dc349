package org.jixiao.web.internal;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

/** The one Gson of the JSON API: ISO dates, no HTML escaping of Chinese text, nulls left out. */
final class Json {

    static final Gson GSON = new GsonBuilder()
            .disableHtmlEscaping()
            .registerTypeAdapter(LocalDate.class, new IsoAdapter<>(LocalDate::parse))
            .registerTypeAdapter(Instant.class, new IsoAdapter<>(Instant::parse))
            .registerTypeAdapter(Long.class, new ExactLong())
            .registerTypeAdapter(long.class, new ExactLong())
            .setObjectToNumberStrategy(Json::boundedNumber)
            .create();

    /**
     * A number of a free-form body (a map, a list) as an exact BigDecimal of at most {@link PerfApi#DIGITS_MAX} digits
     * and decimals. As doubles, 1e-999999999 became 0 and 12345678901234567890 lost its last digits; unbounded, a
     * huge exponent costs seconds of arithmetic wherever the value goes. Anything else fails the body (400).
     */
    private static Number boundedNumber(JsonReader in) throws IOException {
        String text = in.nextString();
        try {
            BigDecimal d = text.length() > 2 * PerfApi.DIGITS_MAX + 2 ? null : new BigDecimal(text);
            if (d != null && d.precision() <= PerfApi.DIGITS_MAX && Math.abs((long) d.scale()) <= PerfApi.DIGITS_MAX) {
                return d;
            }
        } catch (NumberFormatException e) {
            // Said below, with the place in the body.
        }
        throw new com.google.gson.stream.MalformedJsonException("number out of range at " + in.getPreviousPath());
    }

    private Json() {
    }

    /** Parses a request body; null for an empty one. */
    static JsonElement parse(Reader reader) throws IOException {
        try {
            JsonElement element = JsonParser.parseReader(reader);
            return element.isJsonNull() ? null : element;
        } catch (JsonParseException e) {
            throw new BadJsonException(e.getMessage());
        }
    }

    static Map<String, Object> error(String code, String message, Map<String, String> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        if (fields != null && !fields.isEmpty()) {
            body.put("fields", fields);
        }
        return body;
    }

    /** A malformed JSON body: the caller's fault, answered 400. */
    static final class BadJsonException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadJsonException(String message) {
            super(message);
        }
    }

    /** Ids and counts must be whole numbers in range: 1.5 or 2^64+1 is refused, never rounded into another id. */
    private static final class ExactLong extends TypeAdapter<Long> {
        @Override
        public void write(JsonWriter out, Long value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(value);
            }
        }

        @Override
        public Long read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            String text = in.nextString();
            try {
                return new java.math.BigDecimal(text).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw new com.google.gson.JsonSyntaxException("not a whole number in range: " + text);
            }
        }
    }

    private static final class IsoAdapter<T> extends TypeAdapter<T> {
        private final java.util.function.Function<String, T> parser;

        IsoAdapter(java.util.function.Function<String, T> parser) {
            this.parser = parser;
        }

        @Override
        public void write(JsonWriter out, T value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(value.toString());
            }
        }

        @Override
        public T read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            try {
                return parser.apply(in.nextString());
            } catch (RuntimeException e) {
                throw new JsonParseException("bad date: " + e.getMessage());
            }
        }
    }
}
