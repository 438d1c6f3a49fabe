package org.claimauditor.pipeline.source;

import org.claimauditor.claim.ClaimInput;

import java.io.Closeable;
import java.util.Iterator;

/** The claims of one input (a file or a request body), read lazily; closing it closes the input. */
public interface ClaimCursor extends Iterator<ClaimInput>, Closeable {
}
