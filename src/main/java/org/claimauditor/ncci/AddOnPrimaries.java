package org.claimauditor.ncci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.claimauditor.claim.Codes;
import org.claimauditor.engine.BuildError;
import org.claimauditor.engine.YamlErrors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Primary codes a payer defines for NCCI add-on edit types 2 and 3 ("contractor defined"), read from
 * {@code payer-policies/add-on-primaries.yaml} until payer policy files carry them. Payer {@code "*"} applies to all.
 */
public final class AddOnPrimaries {

    public static final String FILE_NAME = "add-on-primaries.yaml";
    public static final AddOnPrimaries NONE = new AddOnPrimaries(Map.of());

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record Entry(String id, List<String> payers, String addOn, List<String> primaries, String source) { }

    record File(List<Entry> addOnPrimaries) { }

    private record Defined(Set<String> primaries, String source) { }

    private final Map<String, Defined> byPayerAndCode;

    private AddOnPrimaries(Map<String, Defined> byPayerAndCode) {
        this.byPayerAndCode = byPayerAndCode;
    }

    /** Number of (payer, add-on code) definitions. */
    public int size() {
        return byPayerAndCode.size();
    }

    public Set<String> primaries(String payerId, String addOn) {
        Defined d = find(payerId, addOn);
        return d == null ? Set.of() : d.primaries;
    }

    public String source(String payerId, String addOn) {
        Defined d = find(payerId, addOn);
        return d == null ? null : d.source;
    }

    private Defined find(String payerId, String addOn) {
        Defined d = byPayerAndCode.get(payerId + "/" + addOn);
        return d != null ? d : byPayerAndCode.get("*/" + addOn);
    }

    /** Reads the file when present; every problem is added to {@code errors} as file:line:column. */
    public static AddOnPrimaries load(Path policiesDir, List<BuildError> errors) {
        Path f = policiesDir == null ? null : policiesDir.resolve(FILE_NAME);
        if (f == null || !Files.isRegularFile(f)) {
            return NONE;
        }
        File parsed;
        try {
            parsed = YAML.readValue(f.toFile(), File.class);
        } catch (JsonProcessingException e) {
            errors.add(YamlErrors.of(f, e));
            return NONE;
        } catch (IOException e) {
            errors.add(new BuildError(f.toString(), 0, 0, "cannot read: " + e.getMessage()));
            return NONE;
        }
        Map<String, Defined> map = new HashMap<>();
        List<Entry> entries = parsed == null || parsed.addOnPrimaries() == null ? List.of() : parsed.addOnPrimaries();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String where = "addOnPrimaries[" + i + "]";
            if (e.id() == null || e.addOn() == null || e.primaries() == null || e.primaries().isEmpty()
                    || e.payers() == null || e.payers().isEmpty() || e.source() == null) {
                errors.add(new BuildError(f.toString(), 0, 0, where + ": id, payers, addOn, primaries and source are required"));
                continue;
            }
            for (String code : concat(e.addOn(), e.primaries())) {
                if (!Codes.isProcedureCode(code)) {
                    errors.add(new BuildError(f.toString(), 0, 0, where + " (" + e.id() + "): '" + code + "' is not a CPT/HCPCS code"));
                }
            }
            for (String payer : e.payers()) {
                map.merge(payer + "/" + e.addOn(), new Defined(Set.copyOf(e.primaries()), f.getFileName() + " " + e.id() + ": " + e.source()),
                        (a, b) -> {
                            Set<String> all = new LinkedHashSet<>(a.primaries);
                            all.addAll(b.primaries);
                            return new Defined(Set.copyOf(all), a.source + "; " + b.source);
                        });
            }
        }
        return new AddOnPrimaries(Map.copyOf(map));
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new java.util.ArrayList<>(rest);
        all.add(0, first);
        return all;
    }

}
