package org.claimauditor.history;

/** The history database could not be reached, migrated, written or read; the message names the database and why. */
public final class HistoryException extends RuntimeException {

    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
