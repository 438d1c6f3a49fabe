package org.claimauditor.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The request body is not a readable claim; the message names the JSON path (or FHIR path). */
class UnreadableClaimException extends RuntimeException {

    private static final Pattern PATH = Pattern.compile("(\\$[^:\\s]*|(?<=: )(?:Bundle|Claim)[.\\[][^:\\s]*)");

    UnreadableClaimException(String message) {
        super(message);
    }

    /**
     * The JSON path named in the message, e.g. {@code $.lines[0].units}, or the FHIR path
     * ({@code Claim.item[0].quantity.value}); null when it names none.
     */
    String path() {
        Matcher m = PATH.matcher(getMessage());
        return m.find() ? m.group(1) : null;
    }
}
