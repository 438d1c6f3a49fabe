package org.claimauditor.ncci;

import org.claimauditor.io.ReferenceDataException;

import java.util.List;

/**
 * The NCCI folder could not be loaded: missing, without NCCI files, or with a file that cannot be read, is empty,
 * lacks its header or has too many unreadable rows. The message is one line naming the file (and line or row).
 */
public class NcciLoadException extends ReferenceDataException {

    private final transient List<ReadProblem> problems;

    public NcciLoadException(String message, List<ReadProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** "cannot load NCCI tables: file:line: why" for a file that fails as a whole. */
    static NcciLoadException inFile(String file, long line, String why) {
        return new NcciLoadException("cannot load NCCI tables: " + where(file, line, why), List.of());
    }

    public List<ReadProblem> problems() {
        return problems;
    }
}
