package org.claimauditor.pipeline.source.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.claim.ReadAhead;
import org.claimauditor.engine.Limits;
import org.claimauditor.pipeline.source.ClaimCursor;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * FHIR R4 JSON in: a {@code Claim} resource, or a {@code Bundle} whose entries hold Claims and the Patients,
 * Practitioners and Organizations they reference. One {@link ClaimInput} per Claim, mapped by
 * {@link FhirClaimMapper}; a Claim that cannot be read is an error entry naming the file, the line its entry starts
 * on and the FHIR path, and the other Claims are read normally.
 *
 * <p>A bundle is read twice, streamed with Jackson one entry at a time: the first pass keeps only what claims
 * reference (a few fields per Patient, Practitioner and Organization), the second maps each Claim as it comes, so
 * references may point forward and memory holds one entry (at most {@link Limits#maxClaimBytes()}) plus the
 * referenced parties — never the bundle. Each resource is parsed by HAPI FHIR with its strict error handler, so an
 * unknown element or an invalid value is an error, as unknown fields are in the auditor's JSON.
 */
public final class FhirClaimReader extends ReadAhead<ClaimInput> implements ClaimCursor {

    /** Opens the input again for each pass. */
    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }

    private static volatile FhirContext context;

    private final Source source;
    private final String name;
    private final int firstIndex;
    private final Limits limits;
    private final Map<String, Party> parties = new HashMap<>();
    private BundleEntries entries;
    private boolean started;

    private FhirClaimReader(Source source, String name, int firstIndex, Limits limits) {
        this.source = source;
        this.name = name;
        this.firstIndex = firstIndex;
        this.limits = limits;
    }

    public static FhirClaimReader open(Path file, int firstIndex, Limits limits) {
        return new FhirClaimReader(() -> Files.newInputStream(file), file.toString(), firstIndex, limits);
    }

    /** Reads a whole input held in memory (a request body). */
    public static List<ClaimInput> read(byte[] body, String name, Limits limits) {
        List<ClaimInput> out = new ArrayList<>();
        try (FhirClaimReader r = new FhirClaimReader(() -> new ByteArrayInputStream(body), name, 0, limits)) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    /** HAPI's R4 context: built once (it takes about a second), thread-safe, shared. */
    static FhirContext fhir() {
        FhirContext c = context;
        if (c == null) {
            synchronized (FhirClaimReader.class) {
                if (context == null) {
                    context = FhirContext.forR4();
                }
                c = context;
            }
        }
        return c;
    }

    private static IParser parser() {
        return fhir().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    }

    @Override
    public void close() {
        stop();
        closeEntries();
    }

    private void closeEntries() {
        if (entries != null) {
            try {
                entries.close();
            } catch (IOException e) {
                // nothing more is read from it
            }
            entries = null;
        }
    }

    private int index() {
        return firstIndex + count();
    }

    @Override
    protected ClaimInput advance() {
        if (!started) {
            started = true;
            return start();
        }
        return entries == null ? null : nextClaim();
    }

    /** The first pass; then the single Claim, or the second pass's first claim, or why the input is no claim. */
    private ClaimInput start() {
        String type;
        boolean bundle;
        Map<String, Integer> others = new TreeMap<>();
        int claims = 0;
        try (InputStream in = source.open(); BundleEntries scan = new BundleEntries(in, limits.maxClaimBytes())) {
            for (BundleEntries.Entry e = scan.next(); e != null; e = scan.next()) {
                JsonNode resource = e.json() == null ? null : e.json().get("resource");
                String rt = resource != null ? resource.path("resourceType").asText(null) : null;
                if ("Claim".equals(rt)) {
                    claims++;
                } else if (rt != null) {
                    others.merge(rt, 1, Integer::sum);
                    if (Party.referenced(rt)) {
                        index(resource, e);
                    }
                }
            }
            type = scan.resourceType();
            bundle = scan.hasEntries();
        } catch (BundleEntries.NotAnObject e) {
            return failed(null, name, name + ": " + e.getMessage() + "; expected a FHIR Claim or a Bundle of Claims");
        } catch (JsonProcessingException e) {
            // the second pass reads the claims before the damage and then reports it
            type = "Bundle";
            bundle = true;
            claims = -1;
        } catch (IOException e) {
            return failed(null, name, name + ": cannot read file: " + e.getMessage());
        }
        if ("Claim".equals(type) && !bundle) {
            return single();
        }
        if (!"Bundle".equals(type)) {
            return failed(null, name, name + ": " + (type == null ? "no resourceType" : "resourceType '" + type + "'")
                    + ": expected a FHIR Claim or a Bundle of Claims");
        }
        if (claims == 0) {
            return failed(null, name, name + ": the Bundle holds no Claim resource"
                    + (others.isEmpty() ? "" : " (it holds " + others.entrySet().stream()
                    .map(o -> o.getValue() + " " + o.getKey()).reduce((a, b) -> a + ", " + b).orElse("") + ")"));
        }
        try {
            entries = new BundleEntries(source.open(), limits.maxClaimBytes());
        } catch (IOException e) {
            return failed(null, name, name + ": cannot read file: " + e.getMessage());
        }
        return nextClaim();
    }

    /** Keeps what claims need of a referenced resource, under its fullUrl and its Type/id. */
    private void index(JsonNode resource, BundleEntries.Entry e) {
        String path = "Bundle.entry[" + e.index() + "].resource";
        Party party;
        String id = resource.path("id").asText(null);
        String type = resource.path("resourceType").asText();
        try {
            IBaseResource parsed = parser().parseResource(resource.toString());
            party = Party.of((Resource) parsed, path);
        } catch (DataFormatException ex) {
            party = Party.broken(path + ": " + hapiMessage(ex));
        } catch (RuntimeException ex) {
            party = Party.broken(path + ": cannot be parsed: " + ex);
        }
        if (party != null && party.error() != null) {
            party = Party.broken("line " + e.line() + ": " + party.error()); // same file as the claim
        }
        if (party == null) {
            return;
        }
        String fullUrl = e.json().path("fullUrl").asText(null);
        if (fullUrl != null) {
            parties.put(fullUrl, party);
        }
        if (id != null) {
            parties.put(type + "/" + id, party);
        }
    }

    private Party find(Reference ref) {
        if (!ref.hasReference()) {
            return null;
        }
        Party p = parties.get(ref.getReference());
        if (p == null) {
            IdType id = new IdType(ref.getReference());
            if (id.hasResourceType() && id.hasIdPart()) {
                p = parties.get(id.getResourceType() + "/" + id.getIdPart());
            }
        }
        return p;
    }

    /** The file is one Claim resource, read whole (up to the claim size limit). */
    private ClaimInput single() {
        String origin = name;
        byte[] bytes;
        try (InputStream in = source.open()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxClaimBytes() + 1));
        } catch (IOException e) {
            return failed(null, origin, name + ": cannot read file: " + e.getMessage());
        }
        if (bytes.length > limits.maxClaimBytes()) {
            return failed(null, origin, name + ": Claim: larger than the limit of " + limits.maxClaimBytes()
                    + " bytes (auditor.limits.max-claim-bytes)");
        }
        String json = new String(bytes, StandardCharsets.UTF_8);
        return claim(json.startsWith("\uFEFF") ? json.substring(1) : json, null, "Claim", origin, name);
    }

    /** The next Claim of the second pass, or null at the end of the bundle. */
    private ClaimInput nextClaim() {
        while (true) {
            BundleEntries.Entry e;
            try {
                e = entries.next();
            } catch (IOException ex) {
                closeEntries();
                return failed(null, name, name + where(ex) + ": " + (ex instanceof JsonProcessingException j
                        ? "malformed JSON: " + j.getOriginalMessage() : ex.getMessage())
                        + "; the rest of the bundle is not read");
            }
            if (e == null) {
                closeEntries();
                return null;
            }
            String at = "Bundle.entry[" + e.index() + "]";
            String origin = name + ":" + e.line();
            if (e.json() == null) {
                return failed(null, origin, origin + ": " + at + ": entry of " + e.bytes() + " bytes is larger than the "
                        + "limit of " + limits.maxClaimBytes() + " bytes (auditor.limits.max-claim-bytes)");
            }
            JsonNode resource = e.json().get("resource");
            if (resource == null) {
                continue; // an entry without a resource (a transaction's delete) holds no claim
            }
            if (!resource.isObject() || !resource.path("resourceType").isTextual()) {
                return failed(null, origin, origin + ": " + at + ".resource: no resourceType, so it cannot be told "
                        + "whether it is a Claim");
            }
            if ("Claim".equals(resource.get("resourceType").asText())) {
                return claim(resource.toString(), resource, at + ".resource", origin, origin);
            }
        }
    }

    /** Parses and maps one Claim; {@code at} is its FHIR path, {@code place} the file (and line) for errors. */
    private ClaimInput claim(String json, JsonNode tree, String at, String origin, String place) {
        String claimId = tree == null ? null : claimId(tree);
        org.hl7.fhir.r4.model.Claim parsed;
        try {
            parsed = parser().parseResource(org.hl7.fhir.r4.model.Claim.class, json);
        } catch (DataFormatException e) {
            return failed(claimId, origin, place + ": " + at + ": " + hapiMessage(e));
        } catch (RuntimeException e) {
            // HAPI parses hostile input too: whatever it throws stays with this claim
            return failed(claimId, origin, place + ": " + at + ": cannot be parsed: " + e);
        }
        try {
            return ClaimInput.ok(index(), origin, FhirClaimMapper.map(parsed, at, this::find, limits));
        } catch (FhirClaimMapper.Bad e) {
            String id = parsed.getIdentifierFirstRep().hasValue() ? parsed.getIdentifierFirstRep().getValue()
                    : parsed.getIdElement().getIdPart();
            return failed(id, origin, place + ": " + e.getMessage());
        }
    }

    private static String claimId(JsonNode claim) {
        for (JsonNode id : claim.path("identifier")) {
            if (id.path("value").isTextual()) {
                return id.path("value").asText();
            }
        }
        return claim.path("id").isTextual() ? claim.path("id").asText() : null;
    }

    private ClaimInput failed(String claimId, String origin, String error) {
        return ClaimInput.failed(index(), origin, claimId, error);
    }

    /** HAPI's message without its "HAPI-1825: " code. */
    private static String hapiMessage(DataFormatException e) {
        String m = String.valueOf(e.getMessage());
        return m.replaceFirst("^HAPI-\\d+: ", "");
    }

    private static String where(IOException e) {
        if (e instanceof JsonProcessingException j && j.getLocation() != null) {
            JsonLocation l = j.getLocation();
            return ":" + l.getLineNr() + ":" + l.getColumnNr();
        }
        return "";
    }
}
