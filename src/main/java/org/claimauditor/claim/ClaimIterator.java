package org.claimauditor.claim;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.claimauditor.engine.Limits;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The claims of one input (a file or a request body), read lazily: one {@link ClaimInput} per top-level value or
 * array element, whatever the bytes. Memory is bounded by one claim ({@link Limits#maxClaimBytes()}), so a later
 * streaming pipeline can audit a file of any size. Closing it closes the input.
 */
public final class ClaimIterator extends ReadAhead<ClaimInput> implements Closeable {

    /** What an unreadable claim's error can still say about which claim it was. */
    private static final Pattern CLAIM_ID = Pattern.compile("\"claimId\"\\s*:\\s*\"([^\"\\\\\\r\\n]{1,64})\"");
    private static final int CLAIM_ID_WINDOW = 1 << 16;

    private final InputStream raw;
    private final String name;
    private final boolean jsonLines;
    private final int firstIndex;
    private final Limits limits;
    private JsonValueScanner scanner;
    private String encoding;

    ClaimIterator(InputStream raw, String name, boolean jsonLines, int firstIndex, Limits limits) {
        this.raw = raw;
        this.name = name;
        this.jsonLines = jsonLines;
        this.firstIndex = firstIndex;
        this.limits = limits;
    }

    @Override
    public void close() throws IOException {
        stop();
        raw.close();
    }

    @Override
    protected ClaimInput advance() {
        int index = firstIndex + count();
        try {
            if (scanner == null) {
                InputEncoding enc = InputEncoding.detect(raw);
                encoding = enc.name();
                scanner = new JsonValueScanner(enc.utf8(), ClaimReader.mapper().getFactory(), !jsonLines,
                        limits.maxClaimBytes());
            }
            JsonValueScanner.RawValue v = scanner.next();
            if (v == null) {
                close();
                return null;
            }
            String origin;
            if (v.element() >= 0) {
                origin = name + "[" + v.element() + "]";
            } else if (!jsonLines && count() == 0 && scanner.atEnd()) {
                origin = name; // a document holding one claim
            } else {
                origin = name + ":" + v.line();
            }
            return parse(v, index, origin);
        } catch (IOException e) {
            stop();
            try {
                raw.close();
            } catch (IOException ignored) {
                // already failing; the entry below says why
            }
            return ClaimInput.failed(index, name, null, name + ": cannot read: " + e.getMessage());
        }
    }

    private ClaimInput parse(JsonValueScanner.RawValue v, int index, String origin) {
        if (v.oversized()) {
            return ClaimInput.failed(index, origin, claimIdIn(v), at(v.line(), v.column()) + ": claim of " + v.size()
                    + " bytes (to line " + v.endLine() + ") is larger than the limit of " + limits.maxClaimBytes()
                    + " bytes (auditor.limits.max-claim-bytes); it was skipped");
        }
        if (v.badLine() > 0) {
            return ClaimInput.failed(index, origin, claimIdIn(v),
                    at(v.badLine(), v.badColumn()) + ": invalid " + encoding + " bytes");
        }
        JsonNode node;
        try {
            node = ClaimReader.valueReader().readTree(v.bytes(), 0, v.length());
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null || loc.getLineNr() < 1 ? at(v.line(), v.column())
                    : at(v.line() + loc.getLineNr() - 1,
                    loc.getLineNr() == 1 ? v.column() + loc.getColumnNr() - 1 : loc.getColumnNr());
            return ClaimInput.failed(index, origin, claimIdIn(v), where + ": malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return ClaimInput.failed(index, origin, claimIdIn(v), at(v.line(), v.column()) + ": " + e.getMessage());
        }
        return ClaimReader.fromNode(node, index, origin, limits);
    }

    private String at(int line, int column) {
        return name + ":" + line + ":" + column;
    }

    private static String claimIdIn(JsonValueScanner.RawValue v) {
        Matcher m = CLAIM_ID.matcher(new String(v.bytes(), 0, Math.min(v.length(), CLAIM_ID_WINDOW), StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : null;
    }
}
