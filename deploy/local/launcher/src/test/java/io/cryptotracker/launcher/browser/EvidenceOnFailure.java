package io.cryptotracker.launcher.browser;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * When a test (a step of a journey) fails, saves what every user's page shows – a screenshot and the HTML – to
 * {@code <directory>/<test>-<user>.png|.html}, so a red build shows where the user was.
 */
public final class EvidenceOnFailure implements AfterTestExecutionCallback {

    private final Path directory;
    private final Supplier<List<BrowserUser>> users;

    public EvidenceOnFailure(Path directory, Supplier<List<BrowserUser>> users) {
        this.directory = directory;
        this.users = users;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        String test = context.getRequiredTestMethod().getName();
        List<BrowserUser> open = users.get();
        for (BrowserUser user : open == null ? List.<BrowserUser>of() : open) {
            try {
                user.saveEvidence(directory, test + "-" + user.name());
                System.out.println("failure evidence: " + directory.resolve(test + "-" + user.name() + ".png"));
            }
            catch (RuntimeException ex) {
                // a closed or crashed page: the failure itself is what matters
            }
        }
    }
}
