package org.knowledgehub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.knowledgehub.web.BrowserTest.assertNoBrowserErrors;
import static org.knowledgehub.web.BrowserTest.browser;
import static org.knowledgehub.web.BrowserTest.signIn;
import static org.knowledgehub.web.BrowserTest.signOut;
import static org.knowledgehub.web.BrowserTest.waiting;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knowledgehub.security.Members;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The API tokens page in Chromium, with {@link BrowserTest}'s browser: a token created with an
 * expiry, its secret copied with the Copy button, listed as never used, then used by a script and
 * listed with the time of that use.
 */
class TokensBrowserTest extends ChromiumTest {

    @BeforeEach
    void clearLogs() {
        browser.manage().logs().get(LogType.BROWSER);
    }

    private String url(String path) {
        return http().base() + path;
    }

    private static WebElement row(String name) {
        return browser.findElements(By.cssSelector("#token-list tr[data-token]")).stream()
                .filter(r -> r.findElement(By.cssSelector(".name")).getText().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aTokenCreatedWithAnExpiryIsCopiedListedAsNeverUsedThenWithItsLastUse() {
        Members.Member member = Members.contributor(http(), admin(), "DRC");
        browser.get(url("/login"));
        signIn(member.username(), member.password());
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in")));
        browser.get(url("/me/tokens"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("token-form")));
        browser.findElement(By.id("token-name")).sendKeys("field laptop");
        new Select(browser.findElement(By.id("token-expiry"))).selectByValue("30");
        browser.findElement(By.id("token-create")).click();

        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("new-token")));
        String in30Days = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC)
                .format(Instant.now().plus(Duration.ofDays(30)));
        assertThat(browser.findElement(By.id("new-token-expires")).getText()).contains("expires on " + in30Days);
        String secret = browser.findElement(By.id("new-token-secret")).getAttribute("value");
        assertThat(secret).startsWith("kh_");
        WebElement copy = browser.findElement(By.id("copy-token"));
        assertThat(copy.isDisplayed()).as("shown by its script").isTrue();
        copy.click();
        waiting().until(ExpectedConditions.textToBePresentInElement(copy, "Copied"));
        // What the clipboard now holds, pasted where a person would.
        WebElement name = browser.findElement(By.id("token-name"));
        name.clear();
        name.sendKeys(Keys.chord(Keys.CONTROL, "v"));
        assertThat(name.getAttribute("value")).isEqualTo(secret);

        WebElement listed = row("field laptop");
        assertThat(listed.findElement(By.cssSelector(".expires")).getText()).startsWith(in30Days).matches(BrowserTest.READABLE);
        assertThat(listed.findElement(By.cssSelector(".last-used")).getText()).isEqualTo("never used");
        assertThat(row("test").findElement(By.cssSelector(".expires")).getText()).as("made through the API without expiry")
                .isEqualTo("never");

        assertThat(http().withBearer(secret).get("/api/me/tokens").status()).isEqualTo(200);
        browser.get(url("/me/tokens"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("token-list")));
        assertThat(row("field laptop").findElement(By.cssSelector(".last-used")).getText()).matches(BrowserTest.READABLE);
        assertThat(browser.findElements(By.id("copy-token"))).as("the secret and its button are shown once").isEmpty();
        assertNoBrowserErrors();
        signOut();
    }
}
