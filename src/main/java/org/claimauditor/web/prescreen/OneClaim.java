package org.claimauditor.web.prescreen;

import org.claimauditor.claim.ClaimInput;
import org.claimauditor.claim.ClaimReader;
import org.claimauditor.engine.Limits;
import org.claimauditor.pipeline.source.X12Claims;
import org.claimauditor.pipeline.source.fhir.FhirClaimReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the one claim a user pasted or uploaded, with the REST API's readers: an X12 837 (text starting with
 * {@code ISA}), a FHIR R4 Claim or Bundle (JSON with a {@code resourceType}), else the claim JSON layout.
 */
final class OneClaim {

    private OneClaim() { }

    static ClaimInput read(byte[] bytes, String origin, Limits limits) throws IOException {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8).stripLeading();
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1);
        }
        if (head.isEmpty()) {
            return ClaimInput.failed(0, origin, null, origin + ": no claim given; paste one or choose a file");
        }
        if (head.startsWith("ISA")) {
            return single(X12Claims.readAll(new ByteArrayInputStream(bytes), origin, limits), origin, "CLM segment");
        }
        if (head.startsWith("{") && head.contains("\"resourceType\"")) {
            return single(FhirClaimReader.read(bytes, origin, limits), origin, "Claim");
        }
        return ClaimReader.readOne(new ByteArrayInputStream(bytes), origin, limits);
    }

    private static ClaimInput single(List<ClaimInput> all, String origin, String what) {
        return all.size() == 1 ? all.get(0) : ClaimInput.failed(0, origin, null, origin + ": expected exactly one claim ("
                + what + "), found " + all.size() + "; audit files of several claims as a batch");
    }
}
