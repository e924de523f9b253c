package com.kineticcasebook.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Just enough of a JSON writer for hostile bodies: unlike a real serializer it writes duplicated
 * keys, raw number tokens such as {@code 1e400} or {@code NaN}, and strings with or without
 * escaping, so that the bytes on the wire are exactly the ones a test meant to send.
 */
final class Json {

  /** A field value that leaves its key out of the object altogether. */
  static final Object MISSING = new Object() {
    @Override
    public String toString() {
      return "<missing>";
    }
  };

  /** JSON text written verbatim, valid or not. */
  record Raw(String text) {}

  /** A JSON object whose keys keep their order and may repeat. */
  static final class Obj {

    private final List<Map.Entry<String, Object>> entries = new ArrayList<>();

    /** Replaces the first entry of the key, or appends it. */
    Obj put(String key, Object value) {
      for (int i = 0; i < entries.size(); i++) {
        if (entries.get(i).getKey().equals(key)) {
          entries.set(i, new Entry(key, value));
          return this;
        }
      }
      return add(key, value);
    }

    /** Appends an entry even when the key is already there. */
    Obj add(String key, Object value) {
      entries.add(new Entry(key, value));
      return this;
    }

    /** Inserts an entry with the key just before its first occurrence (a duplicated key whose first value loses). */
    Obj addBefore(String key, Object value) {
      for (int i = 0; i < entries.size(); i++) {
        if (entries.get(i).getKey().equals(key)) {
          entries.add(i, new Entry(key, value));
          return this;
        }
      }
      return add(key, value);
    }

    Object get(String key) {
      return entries.stream().filter(e -> e.getKey().equals(key)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    List<String> keys() {
      return entries.stream().map(Map.Entry::getKey).toList();
    }

    /** A deep copy: nested objects and lists are copied, leaf values are immutable. */
    Obj copy() {
      Obj copy = new Obj();
      for (Map.Entry<String, Object> entry : entries) {
        copy.add(entry.getKey(), copyOf(entry.getValue()));
      }
      return copy;
    }

    private static Object copyOf(Object value) {
      if (value instanceof Obj obj) {
        return obj.copy();
      }
      if (value instanceof List<?> list) {
        List<Object> copy = new ArrayList<>(list.size());
        list.forEach(item -> copy.add(copyOf(item)));
        return copy;
      }
      return value;
    }

    private record Entry(String getKey, Object getValue) implements Map.Entry<String, Object> {
      @Override
      public Object setValue(Object value) {
        throw new UnsupportedOperationException();
      }
    }
  }

  private Json() {}

  /**
   * Writes a value. With {@code asciiOnly} every non-ASCII char is a {@code \\uXXXX} escape
   * (lone surrogates included); otherwise it is written raw and later encoded as UTF-8.
   */
  static String write(Object value, boolean asciiOnly) {
    StringBuilder out = new StringBuilder();
    write(out, value, asciiOnly);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value, boolean asciiOnly) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Raw raw) {
      out.append(raw.text());
    } else if (value instanceof String text) {
      string(out, text, asciiOnly);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Obj obj) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> entry : obj.entries) {
        if (entry.getValue() == MISSING) {
          continue;
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        string(out, entry.getKey(), asciiOnly);
        out.append(':');
        write(out, entry.getValue(), asciiOnly);
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(out, list.get(i), asciiOnly);
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("Not a JSON value: " + value.getClass());
    }
  }

  private static void string(StringBuilder out, String text, boolean asciiOnly) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || (asciiOnly && c > 0x7E) || Character.isSurrogate(c) && !asciiOnly && !pairedAt(text, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Whether the surrogate at {@code i} is half of a valid pair (raw UTF-8 can only carry pairs). */
  private static boolean pairedAt(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }
}
