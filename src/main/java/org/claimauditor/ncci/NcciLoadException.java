package org.claimauditor.ncci;

import java.util.List;

/** The NCCI folder could not be loaded: missing, empty, or with too many unreadable rows. */
public class NcciLoadException extends RuntimeException {

    private final transient List<ReadProblem> problems;

    public NcciLoadException(String message, List<ReadProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<ReadProblem> problems() {
        return problems;
    }
}
