package org.hotline.gateway.config;

/**
 * One thing wrong with the configuration: the property path (as in {@code hotline.officers[2].teams[0]}),
 * the offending value, what is wrong, and where it was written (file and line), when known.
 */
public record ConfigProblem(String path, Object value, String message, String origin) {

    public ConfigProblem(String path, Object value, String message) {
        this(path, value, message, null);
    }

    public ConfigProblem at(String origin) {
        return new ConfigProblem(path, value, message, origin);
    }

    @Override
    public String toString() {
        return path + " = " + value + ": " + message + (origin == null ? "" : " (" + origin + ")");
    }
}
