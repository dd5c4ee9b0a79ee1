package org.knowledgehub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.knowledgehub.web.BrowserTest.assertNoBrowserErrors;
import static org.knowledgehub.web.BrowserTest.browser;
import static org.knowledgehub.web.BrowserTest.signIn;
import static org.knowledgehub.web.BrowserTest.signOut;
import static org.knowledgehub.web.BrowserTest.waiting;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.security.Members;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The observation review queue and the indicator import page in Chromium, with {@link BrowserTest}'s
 * browser: a contributor's observation accepted or rejected by a coordinator of its sector, and what
 * the contributor then sees; an admin importing an indicator table and reading its report, and a
 * table without values refused on the page with nothing imported.
 */
class ReviewAndImportBrowserTest extends ChromiumTest {

    @BeforeEach
    void clearLogs() {
        browser.manage().logs().get(LogType.BROWSER);
    }

    private String url(String path) {
        return http().base() + path;
    }

    private void signInAt(String path, String username, String password) {
        browser.get(url("/login"));
        signIn(username, password);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in")));
        browser.get(url(path));
    }

    private static String marker(String prefix) {
        return Members.marker(prefix);
    }

    /** The row of an observation in a table of the review or "my observations" page. */
    private static WebElement row(String table, String id) {
        return browser.findElement(By.cssSelector("#" + table + " tr[data-id='" + id + "']"));
    }

    private static List<WebElement> rows(String table, String id) {
        return browser.findElements(By.cssSelector("#" + table + " tr[data-id='" + id + "']"));
    }

    @Test
    void aContributorsObservationIsAcceptedInTheReviewQueueAndTheContributorSeesItAccepted() {
        Members.Member contributor = Members.contributor(http(), admin(), "Oxfam");
        Members.Member coordinator = Members.create(http(), admin(), "WFP", List.of("coordinator"), List.of("wash"));
        String marker = marker("Qrv");

        signInAt("/observations/new", contributor.username(), contributor.password());
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("observation-form")));
        browser.findElement(By.id("obs-text")).sendKeys("At the " + marker + " collective shelter the latrines have been "
                + "blocked for two weeks and families walk to the mosque at night.");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2023-08-02'", browser.findElement(By.id("obs-from")));
        new Select(browser.findElement(By.id("obs-area"))).selectByValue("LB25");
        browser.findElement(By.id("obs-locality")).sendKeys("Bar Elias");
        new Select(browser.findElement(By.id("obs-method"))).selectByValue("field-visit");
        browser.findElement(By.id("sector-wash")).click();
        browser.findElement(By.id("people-yes")).click();
        browser.findElement(By.id("consent-yes")).click();
        browser.findElement(By.id("obs-purpose")).sendKeys("inform the WASH sector");
        browser.findElement(By.id("observation-submit")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("doc-title")));
        String id = browser.getCurrentUrl().replaceAll(".*/id/document/", "");

        browser.findElement(By.id("nav-my-observations")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("my-observations")));
        assertThat(row("observations", id).getAttribute("data-status")).isEqualTo("submitted");
        assertThat(row("observations", id).findElement(By.cssSelector(".status")).getText()).isEqualTo("awaiting review");
        assertThat(browser.findElements(By.id("nav-review-observations"))).as("contributors do not review").isEmpty();
        signOut();

        signInAt("/", coordinator.username(), coordinator.password());
        browser.findElement(By.id("nav-review-observations")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("observation-review")));
        WebElement pending = row("awaiting", id);
        assertThat(pending.findElement(By.cssSelector(".text")).getText()).contains(marker);
        assertThat(pending.findElement(By.cssSelector(".sectors")).getText()).isEqualTo("Water, Sanitation and Hygiene");
        assertThat(pending.findElement(By.cssSelector(".area")).getText()).contains("Zahle").contains("Bar Elias");
        assertThat(pending.findElement(By.cssSelector(".observed")).getText()).isEqualTo("2023-08-02");
        assertThat(pending.findElement(By.cssSelector(".sensitivity")).getText()).isEqualTo("restricted");
        assertThat(pending.findElement(By.cssSelector(".consent")).getText()).isEqualTo("consent given");
        assertThat(pending.findElement(By.cssSelector(".contributor")).getText()).contains("Oxfam").containsPattern(BrowserTest.READABLE);
        pending.findElement(By.cssSelector("textarea[name='note']")).sendKeys("Confirmed by the WASH sector's own visit.");
        pending.findElement(By.cssSelector("button.accept")).click();

        WebElement notice = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("review-notice")));
        assertThat(notice.getAttribute("data-id")).isEqualTo(id);
        assertThat(notice.getText()).contains("verified");
        assertThat(rows("awaiting", id)).isEmpty();
        assertThat(row("reviewed", id).findElement(By.cssSelector(".status-cell")).getText())
                .contains("accepted (verified)").contains("by " + coordinator.username())
                .contains("Confirmed by the WASH sector's own visit.");
        assertNoBrowserErrors();
        signOut();

        JsonNode stored = admin().get("/api/observations/" + id).json();
        assertThat(stored.get("status").asString()).isEqualTo("verified");
        assertThat(stored.get("reviews").get(0).get("by").asString()).isEqualTo(coordinator.username());

        signInAt("/observations/mine", contributor.username(), contributor.password());
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("my-observations")));
        assertThat(row("observations", id).getAttribute("data-status")).isEqualTo("verified");
        assertThat(row("observations", id).findElement(By.cssSelector(".status-cell")).getText())
                .contains("accepted (verified)").contains("Confirmed by the WASH sector's own visit.");
        signOut();
    }

    @Test
    void aCoordinatorRejectsAnObservationWithAReasonAndAnotherSectorsCoordinatorDoesNotSeeIt() {
        Members.Member contributor = Members.contributor(http(), admin(), "UNHCR");
        Members.Member coordinator = Members.create(http(), admin(), "UNICEF", List.of("coordinator"), List.of("education"));
        Members.Member otherSector = Members.create(http(), admin(), "UNICEF", List.of("coordinator"), List.of("health"));
        String marker = marker("Qrj");
        String id = contributor.http().json("POST", "/api/observations", Members.json(Map.of(
                "text", "Children in " + marker + " stopped going to the second shift because the bus fare doubled; "
                        + "the school counts a third fewer pupils since October.",
                "observedFrom", "2023-10-20", "area", "LB11", "sectors", List.of("education"), "method", "key-informant-interview",
                "sensitivity", "restricted", "consent", Map.of("collectedFromPeople", true, "informedConsent", "true",
                        "purpose", "education sector planning", "personalData", false)))).json().get("id").asString();

        signInAt("/observations/review", otherSector.username(), otherSector.password());
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("observation-review")));
        assertThat(browser.getPageSource()).doesNotContain(marker);
        signOut();

        signInAt("/observations/review", coordinator.username(), coordinator.password());
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("observation-review")));
        String reason = "The school's own register shows no drop; please check the figures with the principal.";
        row("awaiting", id).findElement(By.cssSelector("textarea[name='note']")).sendKeys(reason);
        row("awaiting", id).findElement(By.cssSelector("button.reject")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("review-notice")));
        assertThat(browser.findElement(By.id("review-notice")).getText()).contains("disputed");
        assertThat(row("reviewed", id).findElement(By.cssSelector(".status-cell")).getText())
                .contains("rejected (disputed)").contains(reason);
        assertNoBrowserErrors();
        signOut();

        JsonNode stored = contributor.http().get("/api/observations/" + id).json();
        assertThat(stored.get("status").asString()).isEqualTo("disputed");
        assertThat(stored.get("reviews").get(0).get("note").asString()).isEqualTo(reason);
    }

    @Test
    void aCoordinatorAcceptsAndRejectsProposedOrganisationsOnTheirPageAndAContributorIsTurnedAway() {
        String m = marker("Qpo");
        String relief = m + " Relief Association";
        String network = m + " Welfare Network";
        String document = admin().upload("/api/documents", "proposed-" + m + ".md", ("# Shelter in Bhannine " + m + "\n\n" + relief
                + " and the " + network + " distributed shelter kits to 212 families in Bhannine, implemented by UNHCR partners.\n")
                .getBytes(StandardCharsets.UTF_8), Map.of("type", "other", "organisation", "UNHCR")).json()
                .get("id").asString();
        Members.Member coordinator = Members.create(http(), admin(), "WFP", List.of("coordinator"), List.of("shelter"));
        Members.Member contributor = Members.contributor(http(), admin(), "Oxfam");

        signInAt("/", coordinator.username(), coordinator.password());
        browser.findElement(By.id("nav-proposed")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("proposal-list")));
        WebElement proposed = proposal(relief);
        assertThat(proposed.findElement(By.cssSelector("td a")).getAttribute("href")).endsWith("/id/document/" + document);
        WebElement accept = proposed.findElement(By.cssSelector("form.accept"));
        accept.findElement(By.name("acronym")).sendKeys(m.toUpperCase() + "RA");
        new Select(accept.findElement(By.name("kind"))).selectByVisibleText("NGO");
        accept.findElement(By.cssSelector("button")).click();
        WebElement done = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("review-done")));
        assertThat(done.getText()).contains("Added " + relief).contains("1 document(s) re-linked");
        assertThat(browser.findElements(By.cssSelector("#proposal-list tr[data-name='" + relief + "']"))).isEmpty();

        proposal(network).findElement(By.cssSelector("form.reject button")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("review-done"), "not an organisation"));
        assertThat(browser.findElement(By.id("review-done")).getText()).contains(network);
        assertThat(browser.findElements(By.cssSelector("#proposal-list tr[data-name='" + network + "']"))).isEmpty();
        assertNoBrowserErrors();
        signOut();

        assertThat(http().get("/api/search?q=" + Http.enc("shelter kits Bhannine " + m)).json().get("facets").get("organisation")
                .propertyNames()).as("the accepted organisation is a facet value").contains(m.toUpperCase() + "RA");
        String audit = admin().get("/api/audit?actor=" + coordinator.username()).text();
        assertThat(audit).contains("organisation.accept").contains("organisation.reject");

        signInAt("/", contributor.username(), contributor.password());
        assertThat(browser.findElements(By.id("nav-proposed"))).as("contributors do not review organisations").isEmpty();
        browser.get(url("/organisations/proposed"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
        assertThat(browser.findElement(By.id("problem-title")).getText()).isEqualTo("Forbidden");
        assertThat(browser.findElement(By.id("problem-detail")).getText()).contains("your role does not allow this page");
        assertThat(browser.findElements(By.id("proposal-list"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(m);
        browser.manage().logs().get(LogType.BROWSER);
        signOut();
    }

    /** The row of a proposed organisation on the review page. */
    private static WebElement proposal(String name) {
        return browser.findElement(By.cssSelector("#proposal-list tr[data-name='" + name + "']"));
    }

    @Test
    void anAdminImportsAnIndicatorTableAndReadsTheReportThenFollowsItToTheTrends() throws URISyntaxException {
        String indicator = "Browser test share of households behind on rent";
        assertThat(http().get("/api/indicators").text()).doesNotContain(indicator);
        signInAt("/", ADMIN_ACCOUNT, ADMIN_PASSWORD);
        browser.findElement(By.id("nav-import")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("import-form")));
        browser.findElement(By.id("imp-file")).sendKeys(resource("indicator-table-hxl.csv"));
        browser.findElement(By.id("imp-source")).sendKeys("Browser test rent survey 2008");
        new Select(browser.findElement(By.id("imp-population"))).selectByValue("syrian-refugees");
        browser.findElement(By.id("import-submit")).click();

        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("import-report")));
        assertThat(browser.findElement(By.id("report-format")).getText()).isEqualTo("hxl");
        assertThat(browser.findElement(By.id("report-source")).getText()).isEqualTo("Browser test rent survey 2008");
        assertThat(browser.findElement(By.id("report-observations")).getText()).isEqualTo("3");
        List<WebElement> skipped = browser.findElements(By.cssSelector("#report-skipped tbody tr"));
        assertThat(skipped).hasSize(1);
        assertThat(skipped.getFirst().getText()).contains("6").contains("not surveyed");
        WebElement created = browser.findElement(By.cssSelector("#report-created a"));
        assertThat(created.getText()).isEqualTo(indicator);
        assertNoBrowserErrors();
        created.click();
        waiting().until(ExpectedConditions.urlContains("/trends"));
        assertThat(browser.getPageSource()).contains(indicator);
        signOut();
        assertThat(http().get("/api/indicators").text()).contains(indicator);
    }

    @Test
    void reloadingTheReportAfterAnImportImportsNothingMore() throws Exception {
        String indicator = "Browser test share of households reloading the import page";
        String source = "Browser test reload survey 2010";
        signInAt("/indicators/import", ADMIN_ACCOUNT, ADMIN_PASSWORD);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("import-form")));
        browser.findElement(By.id("imp-file")).sendKeys(resource("indicator-table-reload.csv"));
        browser.findElement(By.id("imp-source")).sendKeys(source);
        browser.findElement(By.id("import-submit")).click();

        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("import-report")));
        assertThat(browser.findElement(By.id("report-observations")).getText()).isEqualTo("2");
        assertThat(browser.getCurrentUrl()).as("the report is shown after a redirect").isEqualTo(url("/indicators/import"));
        String code = browser.findElement(By.cssSelector("#report-created a")).getAttribute("href").replaceAll(".*indicator=", "");
        browser.navigate().refresh();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("import-form")));
        assertThat(browser.findElements(By.id("import-report"))).as("shown once").isEmpty();
        assertNoBrowserErrors();
        signOut();

        JsonNode points = http().get("/api/trends?indicator=" + code).json().get("series").get(0).get("points");
        assertThat(points).hasSize(2);
        points.forEach(p -> assertThat(p.path("otherSources").size()).as("no second edition of " + p).isZero());
        // The next import of the same file and source is the second edition: the reload made none.
        JsonNode again = admin().upload("/api/indicators/import", "indicator-table-reload.csv",
                Files.readAllBytes(Path.of(resource("indicator-table-reload.csv"))), Map.of("source", source)).json();
        assertThat(again.get("tables").get(0).get("graph").asString()).endsWith("-edition-2");
        assertThat(http().get("/api/indicators").text()).contains(indicator);
    }

    @Test
    void aTableWithoutValuesIsRefusedOnTheImportPageAndNothingIsImported() throws URISyntaxException {
        String indicators = http().get("/api/indicators").text();
        signInAt("/indicators/import", ADMIN_ACCOUNT, ADMIN_PASSWORD);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("import-form")));
        browser.findElement(By.id("imp-file")).sendKeys(resource("indicator-table-without-values.csv"));
        browser.findElement(By.id("imp-source")).sendKeys("Browser test water survey 2008");
        browser.findElement(By.id("import-submit")).click();

        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("import-errors")));
        assertThat(browser.findElement(By.id("error-file")).getText()).contains("no indicator values").contains("not surveyed");
        assertThat(browser.findElement(By.id("imp-source")).getAttribute("value")).isEqualTo("Browser test water survey 2008");
        assertThat(browser.findElements(By.id("import-report"))).isEmpty();
        signOut();
        assertThat(http().get("/api/indicators").text()).as("nothing imported").isEqualTo(indicators);
    }

    private static String resource(String name) throws URISyntaxException {
        return Path.of(ReviewAndImportBrowserTest.class.getResource("/web/" + name).toURI()).toString();
    }
}
