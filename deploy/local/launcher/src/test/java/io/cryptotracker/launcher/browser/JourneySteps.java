package io.cryptotracker.launcher.browser;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Ordered test methods as the steps of one journey: each step prints a line with its outcome and time; when a step
 * fails (its {@code @AfterEach} checks included), what every user's page shows – a screenshot, the HTML and a journal
 * of console messages and refused requests – is saved to {@code <directory>/<step>-<user>.*}, and the later steps are
 * skipped, naming the step that broke (they build on it).
 */
public final class JourneySteps implements BeforeEachCallback, AfterEachCallback, ExecutionCondition {

    private final Path directory;
    private final Supplier<List<BrowserUser>> users;
    private volatile String brokenAt;
    private volatile long stepStarted;

    /** Register it as a static {@code @RegisterExtension} field: its state spans the class's steps. */
    public JourneySteps(Path directory, Supplier<List<BrowserUser>> users) {
        this.directory = directory;
        this.users = users;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (brokenAt != null && context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.disabled("the journey broke at step " + brokenAt);
        }
        return ConditionEvaluationResult.enabled("the journey is intact so far");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        stepStarted = System.nanoTime();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        String step = context.getRequiredTestMethod().getName();
        boolean passed = context.getExecutionException().isEmpty();
        System.out.printf(java.util.Locale.ROOT, "journey step %s: %s (%.1f s)%n", passed ? "passed" : "FAILED", step,
                (System.nanoTime() - stepStarted) / 1e9);
        if (passed) {
            return;
        }
        brokenAt = step;
        List<BrowserUser> open = users.get();
        for (BrowserUser user : open == null ? List.<BrowserUser>of() : open) {
            try {
                user.saveEvidence(directory, step + "-" + user.name());
                System.out.println("failure evidence: " + directory.resolve(step + "-" + user.name() + ".png"));
            }
            catch (RuntimeException ex) {
                // a closed or crashed page: the failure itself is what matters
            }
        }
    }
}
