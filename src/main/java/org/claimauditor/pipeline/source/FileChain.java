package org.claimauditor.pipeline.source;

import org.claimauditor.claim.ClaimInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The claims of several files one after another, each file opened only when the previous one is done, indexes
 * counting on across files (the pipeline merges results back by index). A file that cannot be opened is one
 * ERROR entry.
 */
final class FileChain implements Iterator<ClaimInput> {

    /** Opens one file's claims, numbering them from {@code firstIndex}. */
    @FunctionalInterface
    interface Opener {
        ClaimCursor open(Path file, int firstIndex) throws IOException;
    }

    private final List<Path> files;
    private final Opener opener;
    private int file;
    private int index;
    private ClaimCursor current;
    private ClaimInput unopenable;

    private FileChain(List<Path> files, Opener opener) {
        this.files = files;
        this.opener = opener;
    }

    static Stream<ClaimInput> stream(List<Path> files, Opener opener) {
        FileChain all = new FileChain(files, opener);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(all, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(all::close);
    }

    @Override
    public boolean hasNext() {
        while (unopenable == null && (current == null || !current.hasNext())) {
            closeCurrent();
            if (file == files.size()) {
                return false;
            }
            Path f = files.get(file++);
            try {
                current = opener.open(f, index);
            } catch (IOException e) {
                unopenable = ClaimInput.failed(index, f.toString(), null, f + ": cannot read file: " + e.getMessage());
            }
        }
        return true;
    }

    @Override
    public ClaimInput next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        index++;
        if (unopenable != null) {
            ClaimInput failed = unopenable;
            unopenable = null;
            return failed;
        }
        return current.next();
    }

    private void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                current = null;
            }
        }
    }

    void close() {
        closeCurrent();
    }
}
