package io.ticketdesk.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * axe-core (the WebJar on the test class path, injected through WebDriver: no network, and the page's CSP
 * does not apply to it) run on the page as it is, failing on any violation of a WCAG 2.0/2.1 A or AA rule,
 * colour contrast included.
 */
final class Accessibility {

    /** The WCAG success criteria axe checks automatically, levels A and AA. */
    static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final String AXE = axeSource();

    private Accessibility() {
    }

    /** The axe version in use, read from the WebJar's own Maven metadata. */
    static String axeVersion() {
        Properties pom = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static String axeSource() {
        String path = "META-INF/resources/webjars/axe-core/" + axeVersion() + "/axe.min.js";
        try (InputStream in = resource(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = Accessibility.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is not on the test class path (org.webjars.npm:axe-core)");
        }
        return in;
    }

    /** The WCAG A/AA violations on the current page, one line per rule with the elements at fault. */
    static List<String> violations(Browser browser) {
        if (!Boolean.TRUE.equals(browser.script("return typeof window.axe === 'object'"))) {
            browser.script(AXE);
        }
        Object raw = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
                  .then((result) => done(JSON.stringify(result.violations.map((v) => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map((n) => n.target.join(' ') + ' (' + (n.failureSummary || '').replace(/\\s+/g, ' ') + ')'),
                  })))), (error) => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(error), nodes: [] }])));
                """, WCAG_A_AA);
        List<String> found = new ArrayList<>();
        try {
            for (JsonNode violation : DeskUnderTest.JSON.readTree((String) raw)) {
                List<String> nodes = new ArrayList<>();
                violation.path("nodes").forEach(n -> nodes.add(n.asText()));
                found.add(violation.path("id").asText() + " [" + violation.path("impact").asText() + "] "
                        + violation.path("help").asText() + ": " + String.join("; ", nodes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Fails with every violation listed when the current page breaks a WCAG A/AA rule. */
    static void assertNoViolations(Browser browser, String screen) {
        List<String> found = violations(browser);
        if (!found.isEmpty()) {
            browser.screenshot("a11y-" + screen);
            throw new AssertionError("axe " + axeVersion() + " found WCAG A/AA violations on " + screen + " ("
                    + browser.driver().getCurrentUrl() + "):\n  " + String.join("\n  ", found));
        }
    }
}
