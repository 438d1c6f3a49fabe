package org.claimauditor.pipeline.group;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A run's hidden temporary folder ({@code .claim-auditor-<random>.tmp} under the output folder or {@code --tmp}),
 * deleted when the run ends, fails, or the JVM is stopped (Ctrl-C, SIGTERM). Only a SIGKILL or a power cut leaves
 * it behind, and its name never looks like a result.
 */
public final class SpillFolder implements AutoCloseable {

    private final Path dir;
    private final Thread onExit;

    private SpillFolder(Path dir) {
        this.dir = dir;
        this.onExit = new Thread(this::delete, "delete " + dir.getFileName());
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    public static SpillFolder create(Path parent) throws IOException {
        Files.createDirectories(parent);
        return new SpillFolder(Files.createTempDirectory(parent, ".claim-auditor-").toAbsolutePath());
    }

    public Path dir() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    @Override
    public void close() {
        delete();
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing left to unregister
        }
    }

    private void delete() {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("warning: could not delete the temporary folder " + dir + ": " + e.getMessage());
        }
    }
}
