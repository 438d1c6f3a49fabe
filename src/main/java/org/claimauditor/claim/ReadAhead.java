package org.claimauditor.claim;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator that reads one item ahead, the shape every claim reader has: {@link #advance} reads the next item
 * (an unreadable claim is an item too, carrying its error) or returns null at the end of the input.
 */
public abstract class ReadAhead<T> implements Iterator<T> {

    private T pending;
    private boolean done;
    private int count;

    /** The next item, or null when the input has no more. */
    protected abstract T advance();

    @Override
    public final boolean hasNext() {
        if (pending == null && !done) {
            pending = advance();
            done = pending == null;
        }
        return pending != null;
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T next = pending;
        pending = null;
        count++;
        return next;
    }

    /** Items handed out so far. */
    public final int count() {
        return count;
    }

    /** Nothing is read after the item already read ahead, if any: the input ended, failed or was closed. */
    protected final void stop() {
        done = true;
    }
}
