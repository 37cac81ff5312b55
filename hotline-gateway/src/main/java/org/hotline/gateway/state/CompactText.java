package org.hotline.gateway.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A compact text form for state written on every step of a contact (a call's session): a tag that
 * names the form and its version, then the fields in a fixed order, each a token {@code <length>:<chars>}
 * or {@code ~} for null. No field names, no reflection, no escaping: reading it is a walk along
 * the string. A form changes by a new tag, read beside the old one.
 */
public final class CompactText {

    private CompactText() {}

    /** True when {@code text} was written with {@code tag}. */
    public static boolean hasTag(String text, String tag) {
        return text.length() > tag.length() && text.startsWith(tag) && text.charAt(tag.length()) == '|';
    }

    public static Writer writer(String tag) {
        return new Writer(tag);
    }

    public static Reader reader(String text, String tag) {
        if (!hasTag(text, tag)) {
            throw new IllegalArgumentException("not a " + tag + " record");
        }
        return new Reader(text, tag.length() + 1);
    }

    public static final class Writer {
        private final StringBuilder out = new StringBuilder(256);

        private Writer(String tag) {
            out.append(tag).append('|');
        }

        public Writer text(String value) {
            if (value == null) {
                out.append('~');
            } else {
                out.append(value.length()).append(':').append(value);
            }
            return this;
        }

        public Writer number(long value) {
            return text(Long.toString(value));
        }

        public Writer flag(boolean value) {
            return text(value ? "1" : "0");
        }

        /** Exact to the nanosecond. */
        public Writer instant(Instant value) {
            return value == null ? text(null) : text(value.getEpochSecond() + "." + value.getNano());
        }

        public Writer enumValue(Enum<?> value) {
            return text(value == null ? null : value.name());
        }

        public Writer texts(Collection<String> values) {
            number(values.size());
            values.forEach(this::text);
            return this;
        }

        public Writer map(Map<String, String> values) {
            number(values.size());
            values.forEach((k, v) -> text(k).text(v));
            return this;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

    public static final class Reader {
        private final String in;
        private int at;

        private Reader(String in, int at) {
            this.in = in;
            this.at = at;
        }

        public String text() {
            if (at >= in.length()) {
                throw new IllegalArgumentException("the record ends early at " + at);
            }
            if (in.charAt(at) == '~') {
                at++;
                return null;
            }
            int colon = in.indexOf(':', at);
            if (colon < 0) {
                throw new IllegalArgumentException("no length at " + at);
            }
            int length = Integer.parseInt(in, at, colon, 10);
            int end = colon + 1 + length;
            if (length < 0 || end > in.length()) {
                throw new IllegalArgumentException("a field runs past the end at " + at);
            }
            at = end;
            return in.substring(colon + 1, end);
        }

        public long number() {
            return Long.parseLong(required());
        }

        public int integer() {
            return Integer.parseInt(required());
        }

        public boolean flag() {
            return "1".equals(required());
        }

        public Instant instant() {
            String value = text();
            if (value == null) {
                return null;
            }
            int dot = value.indexOf('.');
            return Instant.ofEpochSecond(Long.parseLong(value, 0, dot, 10), Integer.parseInt(value, dot + 1, value.length(), 10));
        }

        public <E extends Enum<E>> E enumValue(Class<E> type) {
            String value = text();
            return value == null ? null : Enum.valueOf(type, value);
        }

        public List<String> texts() {
            int size = integer();
            List<String> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(text());
            }
            return values;
        }

        public <T> List<T> list(Function<String, T> read) {
            return texts().stream().map(read).toList();
        }

        public Map<String, String> map() {
            int size = integer();
            Map<String, String> values = new LinkedHashMap<>(Math.max(4, size * 2));
            for (int i = 0; i < size; i++) {
                values.put(text(), text());
            }
            return values;
        }

        /** The whole record was read: trailing characters mean it is not what the reader thinks. */
        public void end() {
            if (at != in.length()) {
                throw new IllegalArgumentException("unread characters after " + at);
            }
        }

        private String required() {
            String value = text();
            if (value == null) {
                throw new IllegalArgumentException("a required field is empty before " + at);
            }
            return value;
        }
    }
}
