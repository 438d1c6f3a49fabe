package org.claimauditor.web.batch;

import jakarta.annotation.PreDestroy;
import org.claimauditor.engine.Limits;
import org.claimauditor.engine.Reference;
import org.claimauditor.engine.RuleService;
import org.claimauditor.web.WebProperties;
import org.claimauditor.web.claim.ClaimIndex;
import org.claimauditor.web.claim.StreamedAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The batch audits of the pages, one folder each under {@code auditor.web.runs-dir}. Runs go one at a time on one
 * background thread: the engine already uses every core for one run, and a queue keeps a second upload from halving
 * both. Finished runs found in the folder at start-up are listed again.
 */
@Component
public class BatchRuns {

    private static final Logger LOG = LoggerFactory.getLogger(BatchRuns.class);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;
    private final RuleService rules;
    private final Reference ref;
    private final Limits limits;
    private final Clock clock;
    private final Map<String, BatchRun> runs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "batch-audit");
        t.setDaemon(true);
        return t;
    });

    BatchRuns(WebProperties props, RuleService rules, Reference ref, Limits limits, Clock clock) throws IOException {
        this.root = props.runsDir();
        this.rules = rules;
        this.ref = ref;
        this.limits = limits;
        this.clock = clock;
        restore();
    }

    /** Newest first. */
    public List<BatchRun> all() {
        return runs.values().stream().sorted(Comparator.comparing(BatchRun::createdAt).reversed()
                .thenComparing(BatchRun::id, Comparator.reverseOrder())).toList();
    }

    /** Finished runs, newest first (the impact page audits their input again). */
    public List<BatchRun> finished() {
        return all().stream().filter(BatchRun::done).toList();
    }

    public BatchRun get(String id) {
        return id == null ? null : runs.get(id);
    }

    /** Saves the upload under a new run folder and queues its audit. */
    BatchRun start(MultipartFile upload, String user) throws IOException {
        String id = ID_TIME.format(clock.instant()) + "-" + HexFormat.of().formatHex(RANDOM.generateSeed(3));
        Path dir = root.resolve(id);
        Files.createDirectories(dir.resolve(BatchRun.INPUT));
        Files.createDirectories(dir.resolve(BatchRun.OUT));
        String name = safeName(upload.getOriginalFilename());
        try (InputStream in = upload.getInputStream()) {
            Files.copy(in, dir.resolve(BatchRun.INPUT).resolve(name));
        }
        BatchRun run = new BatchRun(id, dir, name, user, clock.instant(), new StreamedAudit());
        runs.put(id, run);
        worker.submit(() -> audit(run));
        return run;
    }

    private void audit(BatchRun run) {
        try {
            run.progress().run(rules.current(), ref, limits, LocalDate.now(clock), run.inputFiles(), run.out(), true);
            LOG.info("batch {} ({}) audited: {} claims", run.id(), run.fileName(), run.progress().written());
        } catch (IOException | RuntimeException e) {
            LOG.warn("batch {} ({}) failed: {}", run.id(), run.fileName(), e.toString());
            run.fail(run.fileName() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    /**
     * A file name the input reader can place by its extension (.json, .jsonl, .837, .csv, …) and that cannot leave the
     * run's folder: anything but letters, digits, dot, dash and underscore becomes '_'.
     */
    static String safeName(String original) {
        String base = original == null ? "" : Path.of(original.replace('\\', '/')).getFileName() == null ? ""
                : Path.of(original.replace('\\', '/')).getFileName().toString();
        String safe = base.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        return safe.isEmpty() ? "claims.json" : safe;
    }

    /** The folder is made by the first upload, so a host nobody uploads to leaves no trace. */
    private void restore() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                if (Files.isRegularFile(dir.resolve(BatchRun.OUT).resolve(ClaimIndex.FILE))) {
                    String id = dir.getFileName().toString();
                    FileTime t = Files.getLastModifiedTime(dir);
                    BatchRun run = new BatchRun(id, dir, firstInput(dir), "?", t.toInstant(), StreamedAudit.finished());
                    runs.put(id, run);
                }
            }
        }
    }

    private static String firstInput(Path dir) {
        try (Stream<Path> files = Files.list(dir.resolve(BatchRun.INPUT))) {
            return files.map(p -> p.getFileName().toString()).sorted().findFirst().orElse("?");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
