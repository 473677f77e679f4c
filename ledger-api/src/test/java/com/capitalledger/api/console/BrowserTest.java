package com.capitalledger.api.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without a browser the console's tests fail on one line that says how to get one; they are never skipped. */
class BrowserTest {

    @Test
    void aNamedBrowserThatIsNoProgramFailsSayingHowToGetOne(@TempDir Path directory) throws IOException {
        Path notAProgram = Files.writeString(directory.resolve("chrome"), "not a browser");

        assertThatThrownBy(() -> Browser.start(new ChromeOptions(), Optional.of(notAProgram.toString())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("No browser for the console's tests: install Google Chrome or Chromium (with its "
                        + "chromedriver), or name one with -Dledger.test.browser=/path/to/chrome (or "
                        + "LEDGER_TEST_BROWSER); " + notAProgram + " is no executable file")
                .hasNoCause();
    }
}
