package io.ticketdesk.bootstrap;

/** Screenshots of the current screen in both themes, under target/screenshots/, each theme checked with axe. */
final class Screens {

    private Screens() {
    }

    /**
     * {@code <name>-light.png} and {@code <name>-dark.png}; the page's own theme is put back afterwards. Fails
     * when either theme breaks a WCAG A/AA rule that axe checks (contrast, labels, names, ARIA, …).
     */
    static void both(Browser browser, String name) {
        Object own = browser.script("return document.documentElement.dataset.theme");
        for (String theme : new String[] {"light", "dark"}) {
            browser.script("const root = document.documentElement; root.dataset.theme = arguments[0];"
                    + "if (arguments[0] !== arguments[1]) { root.style.removeProperty('--bg');"
                    + " root.style.removeProperty('--surface'); }", theme, own);
            browser.screenshot(name + "-" + theme);
            Accessibility.assertNoViolations(browser, name + "-" + theme);
        }
        browser.script("document.documentElement.dataset.theme = arguments[0]", own);
    }
}
