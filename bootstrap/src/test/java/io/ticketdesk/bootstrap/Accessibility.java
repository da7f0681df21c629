package io.ticketdesk.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * axe-core (the axe.min.js of Deque's Selenium binding on the test class path, injected through
 * WebDriver: no network, and the page's CSP does not apply to it) run on the page as it is, failing on
 * any violation of a WCAG 2.0, 2.1 or 2.2 A or AA rule, colour contrast and target size included.
 */
final class Accessibility {

    /** The WCAG success criteria axe checks automatically, levels A and AA of 2.0, 2.1 and 2.2. */
    static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");
    private static final String AXE = axeSource();

    private Accessibility() {
    }

    private static String axeSource() {
        String path = "axe.min.js";
        try (InputStream in = Accessibility.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test class path (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version of axe-core injected into the page, as axe itself reports it. */
    static String axeVersion(Browser browser) {
        return String.valueOf(browser.script("return window.axe ? axe.version : 'not injected'"));
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
            throw new AssertionError("axe " + axeVersion(browser) + " found WCAG A/AA violations on " + screen + " ("
                    + browser.driver().getCurrentUrl() + "):\n  " + String.join("\n  ", found));
        }
    }
}
