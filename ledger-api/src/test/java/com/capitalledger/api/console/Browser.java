package com.capitalledger.api.console;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.remote.NoSuchDriverException;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.logging.Level;

/**
 * Chrome or Chromium, headless: a real browser that runs the console's scripts under its Content-Security-Policy and
 * keeps what it logged. Found as Selenium finds one (see {@link #start}), so the tests run wherever a developer has
 * Chrome or Chromium, or a network that reaches Chrome for Testing; where there is none they fail saying so.
 */
public final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    /** A system property (or, in capitals, an environment variable) naming the Chrome or Chromium binary to drive. */
    static final String BINARY = "ledger.test.browser";
    private static final String HOW_TO_GET_ONE = "No browser for the console's tests: install Google Chrome or "
            + "Chromium (with its chromedriver), or name one with -D" + BINARY + "=/path/to/chrome (or "
            + "LEDGER_TEST_BROWSER)";

    public final ChromeDriver driver;
    public final Path downloads;
    private final Path profile;

    public Browser(int width, int height) {
        try {
            downloads = Files.createTempDirectory("console-downloads-");
            profile = Files.createTempDirectory("console-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        // Without the background-networking flags, Chromium keeps calling Google's hosts, which this network refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = start(options);
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /**
     * The binary named by {@value #BINARY} if any; otherwise what Selenium Manager finds (Google Chrome where it is
     * installed, Chromium on Linux) or fetches (Chrome for Testing); otherwise a Chromium on the PATH or where its
     * installers put it, which Selenium Manager does not look for on macOS and Windows. The driver is the one on the
     * PATH that matches the browser, or one Selenium Manager fetches.
     *
     * @throws IllegalStateException saying, on one line, how to get a browser where none can be found or fetched
     */
    private static ChromeDriver start(ChromeOptions options) {
        return start(options, Optional.ofNullable(System.getProperty(BINARY))
                .or(() -> Optional.ofNullable(System.getenv("LEDGER_TEST_BROWSER"))).filter(name -> !name.isBlank()));
    }

    static ChromeDriver start(ChromeOptions options, Optional<String> named) {
        if (named.isPresent()) {
            if (!Files.isExecutable(Path.of(named.get()))) {
                throw new IllegalStateException(HOW_TO_GET_ONE + "; " + named.get() + " is no executable file");
            }
            return withBinary(options, Path.of(named.get()));
        }
        try {
            return new ChromeDriver(options);
        } catch (NoSuchDriverException e) {
            return chromium().map(binary -> withBinary(options, binary)).orElseThrow(() -> noBrowser(e));
        }
    }

    private static ChromeDriver withBinary(ChromeOptions options, Path binary) {
        options.setBinary(binary.toFile());
        try {
            return new ChromeDriver(options);
        } catch (NoSuchDriverException e) {
            throw noBrowser(e);
        }
    }

    /** One line saying how to get a browser; what Selenium Manager tried and why it failed follows as the cause. */
    private static IllegalStateException noBrowser(NoSuchDriverException e) {
        return new IllegalStateException(HOW_TO_GET_ONE, e);
    }

    private static Optional<Path> chromium() {
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(directory -> !directory.isBlank())
                .flatMap(directory -> Stream.of("chromium", "chromium-browser", "chromium.exe")
                        .map(name -> Path.of(directory, name)));
        Stream<Path> macOs = Stream.of(Path.of("/"), Path.of(System.getProperty("user.home")))
                .map(root -> root.resolve("Applications/Chromium.app/Contents/MacOS/Chromium"));
        Stream<Path> windows = Stream.of("LOCALAPPDATA", "ProgramFiles").map(System::getenv).filter(Objects::nonNull)
                .map(root -> Path.of(root, "Chromium", "Application", "chrome.exe"));
        return Stream.of(onPath, macOs, windows).flatMap(paths -> paths).filter(Files::isExecutable).findFirst();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** What the page logged at SEVERE: script errors, refused requests, Content-Security-Policy violations. */
    public List<String> severeLogs() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** Saves what the browser shows as target/console-screenshots/{name}.png, a build artifact. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
