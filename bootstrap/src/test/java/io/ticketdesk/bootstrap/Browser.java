package io.ticketdesk.bootstrap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through {@code /usr/bin/chromedriver}, one per test class. Inside
 * "Telegram" a stub of {@code window.Telegram.WebApp} carrying signed initData is installed before the
 * page's own scripts, so the Mini App never reaches for telegram.org (the browser resolves no outside host).
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final Path profile;
    /** The stub script installed in each tab, by window handle. */
    private final Map<String, String> stubs = new HashMap<>();

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A fresh headless browser, or the test is skipped (with one loud line) where Chromium is not installed. */
    static Browser start() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && WARNED.compareAndSet(false, true)) {
            System.err.println("BROWSER TESTS SKIPPED: no Chromium here; install it with "
                    + "`apt-get install -y chromium chromium-driver` (.ci/run does) and run `mvn -B verify` again");
        }
        Assumptions.assumeTrue(installed, "Chromium is not installed: apt-get install -y chromium chromium-driver");
        try {
            Path profile = Files.createTempDirectory("desk-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile, "--window-size=420,900", "--force-device-scale-factor=1",
                    "--lang=en-US", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost");
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** From now on every page of this tab sees a Telegram Mini App stub with these settings. */
    void telegram(String initData, long telegramId, String firstName, String language, String colorScheme,
                  String startParam) {
        plainBrowser();
        ObjectNode config = DeskUnderTest.JSON.createObjectNode();
        config.put("initData", initData).put("colorScheme", colorScheme).put("startParam", startParam);
        config.putObject("user").put("id", telegramId).put("first_name", firstName).put("language_code", language);
        ObjectNode theme = config.putObject("themeParams");
        if (colorScheme.equals("dark")) {
            theme.put("bg_color", "#17212b").put("secondary_bg_color", "#232e3c").put("text_color", "#f5f5f5");
        } else {
            theme.put("bg_color", "#ffffff").put("secondary_bg_color", "#f1f1f4").put("text_color", "#000000");
        }
        String source = TELEGRAM_STUB.replace("%CONFIG%", config.toString());
        Map<String, Object> added = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", source));
        stubs.put(driver.getWindowHandle(), (String) added.get("identifier"));
    }

    /** Back to a browser outside Telegram. */
    void plainBrowser() {
        String stub = stubs.remove(driver.getWindowHandle());
        if (stub != null) {
            driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", stub));
        }
    }

    /** Opens the Mini App afresh (new session storage: the previous login is forgotten). */
    void open(DeskUnderTest desk, String hash) {
        driver.get("about:blank");
        driver.get(base(desk) + "/");
        driver.executeScript("sessionStorage.clear(); localStorage.clear();");
        driver.get("about:blank"); // so that a URL differing only in its fragment still loads afresh
        driver.get(base(desk) + "/" + (hash == null ? "" : hash));
    }

    /** A second tab (its own session storage and Telegram stub); returns the handle of the tab left. */
    String newTab() {
        String previous = driver.getWindowHandle();
        driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        return previous;
    }

    void switchTo(String handle) {
        driver.switchTo().window(handle);
    }

    static String base(DeskUnderTest desk) {
        return desk.uri("").toString().replace("localhost", "127.0.0.1");
    }

    WebElement find(String css) {
        return until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        }, "an element " + css);
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void click(String css) {
        until(d -> {
            try {
                find(css).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException
                     | org.openqa.selenium.ElementClickInterceptedException retry) {
                return null;
            }
        }, "a click on " + css);
    }

    /** Waits until some element matching {@code css} shows {@code text}. */
    WebElement text(String css, String text) {
        return until(d -> d.findElements(By.cssSelector(css)).stream()
                .filter(e -> {
                    try {
                        return e.getText().contains(text);
                    } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                        return false;
                    }
                })
                .findFirst().orElse(null), "\"" + text + "\" in " + css);
    }

    <T> T until(Function<WebDriver, T> condition, String what) {
        try {
            // the page re-renders lists as answers arrive: an element gone mid-check means "look again"
            return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException late) {
            screenshot("failure-" + what.replaceAll("[^A-Za-z0-9]+", "_"));
            throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what + " on " + driver.getCurrentUrl()
                    + "; page text: " + driver.findElement(By.tagName("body")).getText() + "; console: " + console(), late);
        }
    }

    /** What the page wrote to its console, for failure messages. */
    String console() {
        try {
            return driver.manage().logs().get("browser").getAll().stream()
                    .map(entry -> entry.getLevel() + " " + entry.getMessage())
                    .collect(java.util.stream.Collectors.joining(" | "));
        } catch (RuntimeException unavailable) {
            return "(unavailable: " + unavailable.getMessage() + ")";
        }
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves the current page as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small PNG on disk, for a file input. */
    static File picture(String name) {
        try {
            Path file = Files.createTempDirectory("desk-upload-").resolve(name);
            Files.write(file, DemoDesk.screenshot());
            return file.toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var walk = Files.walk(profile)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }

    private static final String TELEGRAM_STUB = """
            (() => {
              const config = %CONFIG%;
              const listeners = {};
              const button = () => ({ isVisible: false, isActive: true, text: '',
                show() { this.isVisible = true; }, hide() { this.isVisible = false; },
                setText(text) { this.text = text; }, enable() { this.isActive = true; }, disable() { this.isActive = false; },
                showProgress() {}, hideProgress() {}, onClick() {}, offClick() {} });
              window.Telegram = { WebApp: {
                initData: config.initData, version: '8.0', platform: 'tdesktop', colorScheme: config.colorScheme,
                themeParams: config.themeParams, isExpanded: true, viewportHeight: 900, viewportStableHeight: 900,
                initDataUnsafe: { user: config.user, start_param: config.startParam || undefined },
                ready() { this.readyCalled = true; }, expand() {}, close() {},
                onEvent(name, fn) { (listeners[name] = listeners[name] || []).push(fn); }, offEvent() {},
                emit(name) { (listeners[name] || []).forEach((fn) => fn()); },
                setHeaderColor() {}, setBackgroundColor() {},
                BackButton: button(), MainButton: button(),
                HapticFeedback: { notificationOccurred() {}, impactOccurred() {}, selectionChanged() {} },
              } };
            })();
            """;
}
