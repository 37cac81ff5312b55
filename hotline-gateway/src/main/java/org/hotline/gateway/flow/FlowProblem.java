package org.hotline.gateway.flow;

/** One thing wrong with a flow or a prompt file, at a file, line and column (1-based). */
public record FlowProblem(Severity severity, String file, int line, int column, String message) {

    public enum Severity { ERROR, WARNING }

    public static FlowProblem error(String file, int line, int column, String message) {
        return new FlowProblem(Severity.ERROR, file, line, column, message);
    }

    public static FlowProblem warning(String file, int line, int column, String message) {
        return new FlowProblem(Severity.WARNING, file, line, column, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + severity.name().toLowerCase() + ": " + message;
    }
}
