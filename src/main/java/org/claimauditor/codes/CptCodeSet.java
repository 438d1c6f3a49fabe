package org.claimauditor.codes;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** CPT codes from user-supplied lists; a code may have several periods (deleted, later reinstated). */
final class CptCodeSet {

    private static final String SYSTEM = "CPT";

    private final Map<String, List<CptCode>> codes;
    private final List<String> files;

    CptCodeSet(Map<String, List<CptCode>> codes, List<String> files) {
        this.codes = Map.copyOf(codes);
        this.files = List.copyOf(files);
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    HcpcsStatus status(String rawCode, LocalDate dos) {
        Objects.requireNonNull(dos, "date of service");
        String code = CodeFileText.normalise(rawCode);
        if (files.isEmpty()) {
            return new HcpcsStatus(HcpcsStatus.Status.NOT_COVERED, SYSTEM, code, dos, null, null, null,
                    "no CPT code list loaded");
        }
        List<CptCode> periods = codes.get(code);
        if (periods == null) {
            return new HcpcsStatus(HcpcsStatus.Status.UNKNOWN, SYSTEM, code, dos, null, null, null,
                    "the CPT code list (" + String.join(", ", files) + ")");
        }
        CptCode match = periods.stream().filter(p -> p.validOn(dos)).findFirst()
                // Not in force: the nearest later start explains it best, else the latest end.
                .or(() -> periods.stream().filter(p -> p.effective() != null && dos.isBefore(p.effective()))
                        .min(Comparator.comparing(CptCode::effective)))
                .orElseGet(() -> periods.stream().max(Comparator.comparing(CptCode::termination)).orElseThrow());
        HcpcsStatus.Status status = match.validOn(dos) ? HcpcsStatus.Status.VALID
                : match.effective() != null && dos.isBefore(match.effective()) ? HcpcsStatus.Status.NOT_YET_EFFECTIVE
                : HcpcsStatus.Status.TERMINATED;
        return new HcpcsStatus(status, SYSTEM, code, dos, match.effective(), match.termination(), null,
                "CPT code list " + match.file() + " line " + match.line());
    }

    List<String> describe() {
        return files.isEmpty() ? List.of("CPT: no code list loaded, shape checks only")
                : List.of("CPT code list (" + codes.size() + " codes; " + String.join(", ", files) + ")");
    }
}
