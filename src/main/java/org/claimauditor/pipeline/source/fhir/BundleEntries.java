package org.claimauditor.pipeline.source.fhir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams the {@code entry} array of a FHIR JSON resource with Jackson, one entry in memory at a time (at most
 * {@code maxEntryBytes}; a larger entry is skipped to its end and handed out without its content), and notes the
 * top-level {@code resourceType} wherever it stands. Syntax errors surface as Jackson's exceptions, with location.
 */
final class BundleEntries implements Closeable {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper TREES = new ObjectMapper();

    /**
     * One element of {@code Bundle.entry}: its position, the line it starts on, and its JSON (null when it is
     * larger than the limit; {@code bytes} then says how large).
     */
    record Entry(int index, int line, JsonNode json, long bytes) { }

    /** The input is not a JSON object, so not a FHIR resource. */
    static final class NotAnObject extends IOException {
        NotAnObject(String message) {
            super(message);
        }
    }

    private final JsonParser p;
    private final long maxEntryBytes;
    private boolean started;
    private boolean inEntries;
    private boolean ended;
    private int index;
    private String resourceType;
    private boolean hasEntries;

    BundleEntries(InputStream in, long maxEntryBytes) throws IOException {
        this.p = FACTORY.createParser(in);
        this.maxEntryBytes = maxEntryBytes;
    }

    /** The top-level resourceType, once the parser has passed it (after {@link #next()} returned null, if any). */
    String resourceType() {
        return resourceType;
    }

    /** Whether the top level has an {@code entry} array. */
    boolean hasEntries() {
        return hasEntries;
    }

    /** The next entry, or null when the resource has been read to its end. */
    Entry next() throws IOException {
        if (!started) {
            started = true;
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new NotAnObject(first == null ? "the input is empty" : "expected a FHIR resource (a JSON object), found "
                        + p.getText() + " at line " + p.currentTokenLocation().getLineNr());
            }
        }
        while (!ended) {
            if (inEntries) {
                JsonToken t = p.nextToken();
                if (t == JsonToken.END_ARRAY) {
                    inEntries = false;
                    continue;
                }
                return read(t);
            }
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_OBJECT || t == null) {
                ended = true;
                break;
            }
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("resourceType".equals(field) && value == JsonToken.VALUE_STRING) {
                resourceType = p.getText();
            } else if ("entry".equals(field) && value == JsonToken.START_ARRAY) {
                hasEntries = true;
                inEntries = true;
            } else {
                p.skipChildren();
            }
        }
        return null;
    }

    private Entry read(JsonToken start) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        int at = index++;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        long startOffset = offset(p.currentTokenLocation());
        boolean over = false;
        try (JsonGenerator g = FACTORY.createGenerator(buf)) {
            int depth = 0;
            JsonToken t = start;
            while (true) {
                if (!over) {
                    g.copyCurrentEvent(p);
                    if (offset(p.currentLocation()) - startOffset > maxEntryBytes) {
                        over = true; // skip the rest without keeping it
                    }
                }
                if (t.isStructStart()) {
                    depth++;
                } else if (t.isStructEnd()) {
                    depth--;
                }
                if (depth == 0) {
                    break;
                }
                t = p.nextToken();
                if (t == null) {
                    throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end of input inside Bundle.entry[" + at + "]");
                }
            }
        }
        long bytes = offset(p.currentLocation()) - startOffset;
        return new Entry(at, line, over ? null : TREES.readTree(buf.toByteArray()), bytes);
    }

    /** Bytes for UTF-8 input, characters for input Jackson decodes through a reader (UTF-16). */
    private static long offset(com.fasterxml.jackson.core.JsonLocation l) {
        return l.getByteOffset() >= 0 ? l.getByteOffset() : l.getCharOffset();
    }

    @Override
    public void close() throws IOException {
        p.close();
    }
}
