package io.cryptotracker.launcher.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.microsoft.playwright.Page;

/**
 * axe-core (from its WebJar on the test classpath) run in the page: fails on any {@code serious} or
 * {@code critical} violation, naming each rule and the elements it found.
 */
public final class AccessibilityCheck {

    private static final String AXE_SOURCE = axeSource();

    /*
     * Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern (an injected
     * <script> would be refused: the console allows no inline script).
     */
    private static final String INJECT = "() => { if (window.axe) return;\n" + AXE_SOURCE + "\n}";

    private static final String RUN = """
            async () => {
              const results = await axe.run(document, { resultTypes: ['violations'] });
              return results.violations
                .filter(violation => violation.impact === 'serious' || violation.impact === 'critical')
                .map(violation => ({
                  rule: violation.id,
                  impact: violation.impact,
                  help: violation.help,
                  targets: violation.nodes.slice(0, 5).map(node => node.target.join(' ')).join(', ')
                    + (violation.nodes.length > 5 ? ' and ' + (violation.nodes.length - 5) + ' more' : '')
                }));
            }
            """;

    private AccessibilityCheck() {
    }

    /**
     * Runs axe-core on what the page shows now.
     *
     * @param screen what the page shows, for the failure message (e.g. "the board, Funding tab")
     * @throws AssertionError listing every serious or critical violation: rule id, impact, help, target selectors
     */
    @SuppressWarnings("unchecked")
    public static void assertNoSeriousViolations(Page page, String screen) {
        page.evaluate(INJECT);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate(RUN);
        if (!violations.isEmpty()) {
            StringBuilder message = new StringBuilder("axe-core found " + violations.size()
                    + " serious or critical accessibility violation(s) on " + screen + " (" + page.url() + "):");
            for (Map<String, Object> violation : violations) {
                message.append("\n  - ").append(violation.get("rule")).append(" (").append(violation.get("impact"))
                        .append("): ").append(violation.get("help")).append(" -> ").append(violation.get("targets"));
            }
            throw new AssertionError(message.toString());
        }
    }

    private static String axeSource() {
        String version = webJarVersion();
        String path = "/META-INF/resources/webjars/axe-core/" + version + "/axe.min.js";
        try (InputStream in = AccessibilityCheck.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String webJarVersion() {
        String path = "/META-INF/maven/org.webjars.npm/axe-core/pom.properties";
        try (InputStream in = AccessibilityCheck.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The axe-core WebJar (org.webjars.npm:axe-core) is not on the test "
                        + "classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
