package org.claimauditor.api;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the settings {@code serve} cannot run without as soon as Spring has gathered them (arguments, environment,
 * application.properties), before the banner and the context: a missing or wrong one is one line and exit 2 instead
 * of a hundred lines of bean-creation stack trace. Added by the launcher only, so test slices are unaffected.
 */
public final class ServeSettings implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /** A setting the host cannot start without is missing or names nothing usable. */
    public static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    static void check(Environment env) {
        Binder binder = Binder.get(env);
        boolean noNcci = binder.bind("auditor.no-ncci", Boolean.class).orElse(false);
        Path ncci = binder.bind("auditor.ncci-dir", Path.class).orElse(null);
        if (!noNcci && ncci == null) {
            throw new Invalid("serve: auditor.ncci-dir is not set: give --auditor.ncci-dir=DIR (the CMS NCCI files) "
                    + "or --auditor.no-ncci=true to run without NCCI edits on purpose (see: claim-auditor serve --help)");
        }
        folder("auditor.ncci-dir", noNcci ? null : ncci);
        folder("auditor.code-sets-dir", binder.bind("auditor.code-sets-dir", Path.class).orElse(null));
        folder("auditor.rules-dir", binder.bind("auditor.rules-dir", Path.class).orElse(null));
    }

    private static void folder(String name, Path dir) {
        if (dir != null && !Files.isDirectory(dir)) {
            throw new Invalid("serve: " + name + "=" + dir + ": folder not found (working folder "
                    + Path.of("").toAbsolutePath() + ")");
        }
    }

    /**
     * Tells Spring an {@link Invalid} setting is reported (by the launcher, as one line), so it does not log the
     * "Application run failed" stack trace. Registered in {@code META-INF/spring.factories}.
     */
    public static final class Reporter implements SpringBootExceptionReporter {
        @Override
        public boolean reportException(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof Invalid) {
                    return true;
                }
            }
            return false;
        }
    }
}
