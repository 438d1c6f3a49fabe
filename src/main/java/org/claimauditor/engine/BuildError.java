package org.claimauditor.engine;

/** A problem in a rule or policy file, located as file:line:column (0 when unknown). */
public record BuildError(String file, int line, int column, String message) {

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(": ").append(message).toString();
    }
}
