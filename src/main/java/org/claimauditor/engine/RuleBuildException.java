package org.claimauditor.engine;

import java.util.List;
import java.util.stream.Collectors;

/** The rules folder did not build; carries every located error. */
public class RuleBuildException extends RuntimeException {

    private final transient List<BuildError> errors;

    public RuleBuildException(List<BuildError> errors) {
        super(errors.size() + " error(s) in rules:\n"
                + errors.stream().map(BuildError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<BuildError> errors() {
        return errors;
    }
}
