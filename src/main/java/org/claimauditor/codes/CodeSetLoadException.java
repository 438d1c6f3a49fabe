package org.claimauditor.codes;

import org.claimauditor.io.ReferenceDataException;

/**
 * The code-set folder named by the user could not be loaded: missing, without code-set files, or with a file that
 * cannot be read, is empty, lacks its header or yields no code. The message is one line naming the file.
 */
public class CodeSetLoadException extends ReferenceDataException {

    public CodeSetLoadException(String message) {
        super(message);
    }

    /** "cannot load code sets: file:line: why" for a file that fails as a whole. */
    static CodeSetLoadException inFile(String file, long line, String why) {
        return new CodeSetLoadException("cannot load code sets: " + where(file, line, why));
    }
}
