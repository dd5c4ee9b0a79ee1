package org.knowledgehub.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.knowledgehub.HubTest;

/** A browser test class other than {@link BrowserTest}: the same headless Chromium, started before its tests and stopped after. */
abstract class ChromiumTest extends HubTest {

    @BeforeAll
    static void openBrowser() {
        BrowserTest.startBrowser();
    }

    @AfterAll
    static void closeBrowser() {
        BrowserTest.stopBrowser();
    }
}
