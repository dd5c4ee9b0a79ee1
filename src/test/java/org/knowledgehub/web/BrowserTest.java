package org.knowledgehub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.ingest.BackgroundIngestTest;
import org.knowledgehub.ingest.DocumentIds;
import org.knowledgehub.security.Members;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The web UI in a real headless Chromium (Debian's chromium and chromium-driver): what a person
 * sees when searching, reading a document and running a named SPARQL query. Skipped, with a
 * message, where no browser is installed, unless {@code KH_REQUIRE_BROWSER=true} (CI sets it).
 * Other browser test classes of this package start and stop the browser and sign in with its static methods.
 */
class BrowserTest extends HubTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static WebDriver browser;
    /** A date-time as pages show it: "5 Dec 2026, 23:55 UTC". */
    static final String READABLE = "\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} UTC";

    @BeforeAll
    static void startBrowser() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("KH_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("KH_REQUIRE_BROWSER is set but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
        }
        Assumptions.assumeTrue(installed, "SKIPPED: no Chromium at " + CHROMIUM + " and " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void clearLogs() {
        browser.manage().logs().get(LogType.BROWSER);
    }

    private String url(String path) {
        return http().base() + path;
    }

    static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @Test
    void searchHighlightsMatchesAndLeadsToTheDocumentWithItsProvenance() {
        browser.get(url("/"));
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("water trucking");
        browser.findElement(By.id("search-button")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("total")));
        assertThat(browser.getTitle()).contains("Search");
        int total = Integer.parseInt(browser.findElement(By.cssSelector("#total span")).getText());
        assertThat(total).isPositive();
        List<WebElement> hits = browser.findElements(By.cssSelector("article.hit"));
        assertThat(hits).hasSize(10);
        List<WebElement> marks = hits.getFirst().findElements(By.cssSelector(".fragment mark"));
        assertThat(marks).isNotEmpty();
        assertThat(marks.getFirst().getText().toLowerCase()).containsAnyOf("water", "truck");
        assertThat(browser.findElement(By.id("facets")).getText()).containsIgnoringCase("type").containsIgnoringCase("year");

        WebElement docLink = hits.getFirst().findElement(By.cssSelector("a.doc-link"));
        String title = docLink.getText();
        docLink.click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("doc-title")));
        assertThat(browser.findElement(By.id("doc-title")).getText()).isEqualTo(title);
        String provenance = browser.findElement(By.id("provenance")).getText();
        assertThat(provenance).contains("Sensitivity").contains("public").contains("SHA-256").contains("parse, segment");
        assertThat(browser.findElement(By.id("doc-ingested")).getText()).matches(READABLE);
        assertThat(browser.findElements(By.cssSelector("#sections .passage"))).isNotEmpty();
        assertNoBrowserErrors();
    }

    @Test
    void filtersAndFacetsNarrowTheResults() {
        browser.get(url("/"));
        browser.findElement(By.id("q")).sendKeys("rent");
        new Select(browser.findElement(By.name("type"))).selectByValue("minutes");
        browser.findElement(By.id("search-button")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("total")));
        List<WebElement> metas = browser.findElements(By.cssSelector("article.hit .meta"));
        assertThat(metas).isNotEmpty().allSatisfy(m -> assertThat(m.getText()).startsWith("minutes"));

        WebElement areaFacet = browser.findElement(By.cssSelector("#facets a[data-dimension='area']"));
        String area = areaFacet.getText();
        String code = areaFacet.getAttribute("data-value");
        areaFacet.click();
        waiting().until(ExpectedConditions.urlContains("area=" + code));
        assertThat(browser.findElement(By.cssSelector(".active-filters")).getText()).contains(area);
        assertThat(browser.findElements(By.cssSelector("article.hit"))).isNotEmpty().allSatisfy(hit ->
                assertThat(hit.findElement(By.cssSelector(".entities")).getText()).contains(area));
    }

    @Test
    void aBadQueryIsExplainedNotFailed() {
        browser.get(url("/?q=" + "water%20AND"));
        WebElement error = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("search-error")));
        assertThat(error.getText()).contains("could not be parsed");
    }

    @Test
    void minutesShowTheirMeetingAgendaAndActionPoints() {
        browser.get(url("/id/document/" + DocumentIds.forSource("minutes/shelter-north-tripoli-2021-03-17.md")));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("meeting")));
        String meeting = browser.findElement(By.id("meeting")).getText();
        assertThat(meeting).contains("2021-03-17").contains("Ghada Merhi").contains("Agencies (15)");
        List<WebElement> actions = browser.findElements(By.cssSelector("#actions li"));
        assertThat(actions).hasSize(4);
        assertThat(actions.getFirst().getText()).contains("NRC to share the Q1 2021 eviction dashboard").contains("owner:");
        actions.getFirst().findElement(By.cssSelector(".owner a")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("resource-label")));
        assertThat(browser.findElement(By.id("resource-label")).getText()).isEqualTo("Norwegian Refugee Council");
        assertNoBrowserErrors();
    }

    @Test
    void aDocumentPageHighlightsWhatItMentionsAndLinksIt() {
        browser.get(url("/id/document/" + DocumentIds.forSource("minutes/fss-bekaa-zahle-2020-06-18.md")));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("sections")));
        List<WebElement> places = browser.findElements(By.cssSelector("#sections a.mention.place"));
        assertThat(places).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#sections a.mention.organisation"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#sections a.mention.sector"))).isNotEmpty();
        WebElement zahle = places.stream().filter(p -> p.getText().equals("Zahle")).findFirst().orElseThrow();
        assertThat(zahle.getAttribute("title")).isEqualTo("Zahle");
        zahle.click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("resource-label")));
        assertThat(browser.findElement(By.id("resource-label")).getText()).isEqualTo("Zahle");
        assertThat(browser.getCurrentUrl()).endsWith("/id/area/LB25");
        assertNoBrowserErrors();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSparqlPageRunsANamedQueryAndATypedOneInYasguiAndAsksNoOtherHost() {
        browser.get(url("/query"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#yasgui .CodeMirror")));
        List<WebElement> named = browser.findElements(By.cssSelector("#named-queries .named-query"));
        assertThat(named.size()).isGreaterThanOrEqualTo(5);
        named.stream().filter(b -> b.getText().startsWith("Open action points")).findFirst().orElseThrow().click();
        waiting().until(d -> d.findElements(By.cssSelector(".tabPanel.active .yasr table.dataTable tbody tr")).size() > 10);
        assertThat(browser.findElement(By.cssSelector(".tabPanel.active .yasr table.dataTable")).getText())
                .contains("ownerLabel").contains("NRC");
        assertThat(browser.findElement(By.cssSelector("#yasgui .tabsList")).getText()).contains("Open action points");
        assertThat(browser.findElement(By.cssSelector(".tabPanel.active .yasr .yasr_downloadIcon")).isDisplayed())
                .as("results can be downloaded").isTrue();

        // Typed: the prefixes it uses are declared from the hub's own list as they are typed.
        browser.findElement(By.cssSelector("#yasgui .tabsList .addTab")).click();
        WebElement editor = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tabPanel.active .CodeMirror")));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("arguments[0].CodeMirror.setValue('')", editor);
        editor.click();
        editor.findElement(By.tagName("textarea")).sendKeys("SELECT ?doc ?title WHERE { ?doc a kh:Document ; dcterms:title ?title } LIMIT 7");
        String typed = (String) js.executeScript("return arguments[0].CodeMirror.getValue()", editor);
        assertThat(typed).contains("PREFIX kh: <https://w3id.org/knowledge-hub/ns#>").contains("PREFIX dcterms: <http://purl.org/dc/terms/>");
        browser.findElement(By.cssSelector(".tabPanel.active .yasqe_queryButton")).click();
        waiting().until(d -> d.findElements(By.cssSelector(".tabPanel.active .yasr table.dataTable tbody tr")).size() == 7);
        assertNoBrowserErrors();

        // Every request went to this server.
        List<String> requested = (List<String>) js.executeScript("return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(requested).isNotEmpty().allSatisfy(u -> assertThat(u).startsWith(http().base() + "/"));
        assertThat(requested).anySatisfy(u -> assertThat(u).endsWith("/sparql"));

        // A document's IRI opens its page on this server.
        // Scripts' clicks: the table cuts long cells short (the cut part lies under the next cell), and the first
        // click on a cut cell shows it in full.
        WebElement iri = browser.findElement(By.cssSelector(".tabPanel.active .yasr table.dataTable tbody a.iri"));
        if ((Boolean) js.executeScript("return arguments[0].closest('div.expandable') !== null", iri)) {
            js.executeScript("arguments[0].click()", iri);
        }
        js.executeScript("arguments[0].click()", iri);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("doc-title")));
        assertThat(browser.getCurrentUrl()).startsWith(http().base() + "/id/document/");
        assertNoBrowserErrors();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTrendsPageChartsAnIndicatorOverTheYearsAndRanksTheAreasOfAYear() {
        browser.get(url("/trends?indicator=below-smeb&area=LB2&year=2020&population=syrian-refugees"));
        waiting().until(ExpectedConditions.textMatches(By.id("trend-status"), java.util.regex.Pattern.compile("\\d+ series")));
        waiting().until(ExpectedConditions.textMatches(By.id("compare-status"), java.util.regex.Pattern.compile("\\d+ areas")));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        List<String> lines = (List<String>) js.executeScript("return Chart.getChart('trend-chart').data.datasets.map(d => d.label)");
        assertThat(lines).containsExactly("Bekaa", "Lebanon", "Rachaya", "West Bekaa", "Zahle");
        assertThat((List<Object>) js.executeScript("return Chart.getChart('trend-chart').data.labels"))
                .map(String::valueOf).containsExactly("2018", "2019", "2020", "2021", "2022");
        assertThat(browser.findElement(By.cssSelector("#trend-table tr[data-area='LB2']")).getText())
                .contains("71").contains("96").contains("+24 since 2019");
        List<String> bars = (List<String>) js.executeScript("return Chart.getChart('compare-chart').data.labels");
        assertThat(bars).hasSize(8).startsWith("Bekaa", "Baalbek-El Hermel");
        assertThat(browser.findElement(By.cssSelector("#compare-table tr[data-area='LB1']")).getText())
                .contains("Beirut").contains("71").contains("23 (2019)").contains("+48");

        new Select(browser.findElement(By.id("indicator"))).selectByValue("moderate-severe-food-insecurity");
        waiting().until(ExpectedConditions.urlContains("indicator=moderate-severe-food-insecurity"));
        waiting().until(ExpectedConditions.textMatches(By.id("compare-status"), java.util.regex.Pattern.compile("\\d+ areas")));
        assertThat((List<String>) js.executeScript("return Chart.getChart('compare-chart').data.labels"))
                .startsWith("North", "South", "Bekaa");
        assertNoBrowserErrors();

        // "Why?" on the Bekaa's 2019-2020 change leads to its explanation.
        browser.get(url("/trends?indicator=below-smeb&area=LB2&year=2020&population=syrian-refugees"));
        waiting().until(ExpectedConditions.textMatches(By.id("trend-status"), java.util.regex.Pattern.compile("\\d+ series")));
        browser.findElement(By.cssSelector("#trend-table tr[data-area='LB2'] a.why[href*='from=2019'][href*='to=2020']")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("explain-evidence")));
        assertThat(browser.findElement(By.id("explain-change")).getText()).contains("+24");
        assertNoBrowserErrors();
    }

    @Test
    void anAreaPageGathersIndicatorsPassagesAndLeadsToItsDistrictsAndLocalities() {
        browser.get(url("/"));
        browser.findElement(By.linkText("Areas")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("area-name"), "Lebanon"));
        browser.findElement(By.cssSelector("#children a.child[href='/areas/LB2']")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("area-name"), "Bekaa"));
        WebElement smeb = browser.findElement(By.cssSelector("#area-indicators tr[data-indicator='below-smeb']"));
        assertThat(smeb.getText()).contains("96 %").contains("(2022)").contains("since 2020");
        assertThat(browser.findElements(By.cssSelector("#area-passages li"))).isNotEmpty();
        assertThat(browser.findElement(By.id("area-organisations")).getText()).contains("WFP");
        browser.findElement(By.cssSelector("#children a.child[href='/areas/LB24']")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("area-name"), "West Bekaa"));
        assertThat(browser.findElement(By.cssSelector("a.parent")).getText()).isEqualTo("Bekaa");
        browser.findElement(By.cssSelector("#localities a.locality[href='/areas/LB24-joub-jannine']")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("area-name"), "Joub Jannine"));
        assertThat(browser.findElements(By.cssSelector("a.parent")).stream().map(WebElement::getText).toList())
                .containsExactly("West Bekaa", "Bekaa");
        assertThat(browser.findElement(By.cssSelector("#area-names [data-lang='ar']")).getText()).isEqualTo("جب جنين");
        assertThat(browser.findElement(By.id("area-coordinates")).getText()).contains("33.62694 N, 35.78417 E");
        assertNoBrowserErrors();
    }

    @Test
    void aMemberSignsInSeesTheirNameAndSignsOut() {
        String username = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a browser test password";
        assertThat(admin().json("POST", "/api/accounts", "{\"username\": \"" + username + "\", \"displayName\": \"Rana Browser\", "
                + "\"organisation\": \"UNFPA\", \"roles\": [\"contributor\"], \"password\": \"" + password + "\"}").status()).isEqualTo(201);
        String confidential = "/id/document/" + DocumentIds.forSource("field-notes/2022-11-03-gbv-referral-gap-minieh-confidential.md");

        browser.get(url("/"));
        browser.findElement(By.id("sign-in")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("not the password");
        browser.findElement(By.id("login-button")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));

        signIn(username, password);
        WebElement name = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in")));
        assertThat(name.getText()).isEqualTo("Rana Browser");
        assertThat(browser.findElement(By.id("signed-in-organisation")).getText()).isEqualTo("UNFPA");

        browser.get(url(confidential));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("doc-title")));
        assertThat(browser.findElement(By.id("signed-in")).getText()).isEqualTo("Rana Browser");
        assertNoBrowserErrors();

        signOut();
        assertThat(browser.findElements(By.id("signed-in"))).isEmpty();
        browser.get(url(confidential));
        assertThat(browser.findElements(By.id("doc-title"))).as("the confidential note, signed out").isEmpty();
        assertThat(browser.getPageSource()).contains("does not exist or is not visible to you");
    }

    @Test
    void aCoordinatorTurnsWhyIntoAResearchQuestionFromTheAreaPage() {
        String username = "why-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a why test password";
        assertThat(admin().json("POST", "/api/accounts", "{\"username\": \"" + username + "\", \"displayName\": \"Why Coordinator\", "
                + "\"organisation\": \"WFP\", \"roles\": [\"coordinator\"], \"sectors\": [\"basic-assistance\"], "
                + "\"password\": \"" + password + "\"}").status()).isEqualTo(201);

        browser.get(url("/areas/LB2"));
        browser.findElement(By.cssSelector("#area-indicators tr[data-indicator='below-smeb'] a.why")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("explain-evidence")));
        assertThat(browser.findElement(By.id("explain-title")).getText()).contains("Bekaa").contains("2020–2022");
        assertThat(browser.findElements(By.cssSelector("#explain-evidence li"))).isNotEmpty();
        assertThat(browser.findElements(By.id("ask-form"))).as("anonymous callers are asked to sign in").isEmpty();

        String explain = url("/trends/explain?indicator=below-smeb&area=LB2&population=syrian-refugees&from=2019&to=2020");
        browser.get(url("/login"));
        signIn(username, password);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in")));
        browser.get(explain);
        assertThat(browser.findElement(By.id("explain-change")).getText()).contains("72").contains("96").contains("+24");
        assertThat(browser.findElement(By.cssSelector("#explain-evidence li")).getText()).contains("currency depreciation");
        WebElement text = browser.findElement(By.id("question-text"));
        assertThat(text.getAttribute("value")).contains("Bekaa").contains("2019").contains("2020");
        browser.findElement(By.id("ask-button")).click();
        waiting().until(ExpectedConditions.urlContains("/questions/"));
        assertThat(browser.findElement(By.id("question-text")).getText()).contains("Bekaa");
        browser.get(explain);
        assertThat(browser.findElements(By.cssSelector("#explain-questions li"))).isNotEmpty();
        assertNoBrowserErrors();
        signOut();
    }

    @Test
    void aFieldActorContributesAnObservationThroughTheFormAndSeesWhatToFixFirst() {
        String username = "observer-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "an observation test password";
        assertThat(admin().json("POST", "/api/accounts", "{\"username\": \"" + username + "\", \"displayName\": \"Field Observer\", "
                + "\"organisation\": \"Oxfam\", \"roles\": [\"contributor\"], \"password\": \"" + password + "\"}").status())
                .isEqualTo(201);
        String marker = Members.marker("Hawsh");
        browser.get(url("/login"));
        signIn(username, password);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in")));
        browser.findElement(By.id("nav-observe")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("observation-form")));

        String text = "Families in " + marker + " say the water network has been dry since June and tankers cost twice as much.";
        browser.findElement(By.id("obs-text")).sendKeys(text);
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2023-07-04'", browser.findElement(By.id("obs-from")));
        new Select(browser.findElement(By.id("obs-area"))).selectByValue("LB25");
        new Select(browser.findElement(By.id("obs-method"))).selectByValue("field-visit");
        browser.findElement(By.id("people-yes")).click();
        browser.findElement(By.id("personal-yes")).click();
        browser.findElement(By.id("observation-submit")).click();

        // No sector and personal data without consent: both explained, nothing typed is lost.
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("observation-errors")));
        assertThat(browser.findElement(By.id("error-sectors")).getText()).contains("sectors");
        assertThat(browser.findElement(By.id("error-consent")).getText()).contains("Personal data without informed consent");
        assertThat(browser.findElement(By.id("obs-text")).getAttribute("value")).isEqualTo(text);
        assertThat(new Select(browser.findElement(By.id("obs-area"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("LB25");

        browser.findElement(By.id("sector-wash")).click();
        browser.findElement(By.id("personal-no")).click();
        browser.findElement(By.id("observation-submit")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("doc-title")));
        assertThat(browser.findElement(By.id("doc-title")).getText()).contains("Field observation, Zahle");
        assertThat(browser.getPageSource()).contains(marker);
        assertNoBrowserErrors();
        signOut();
        assertThat(http().get("/api/search?q=" + marker).json().get("total").asLong()).as("restricted by default").isZero();
        assertThat(admin().get("/api/search?q=" + marker).json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aCoordinatorAsksAResearchQuestionReviewsItsCandidatesAndClosesIt() {
        String username = "reviewer-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a review test password";
        assertThat(admin().json("POST", "/api/accounts", "{\"username\": \"" + username + "\", \"displayName\": \"Question Coordinator\", "
                + "\"organisation\": \"UNHCR\", \"roles\": [\"coordinator\"], \"sectors\": [\"protection\"], "
                + "\"password\": \"" + password + "\"}").status()).isEqualTo(201);
        browser.get(url("/login"));
        signIn(username, password);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in")));

        // The list, reached from the header, with its form.
        browser.findElement(By.id("nav-questions")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ask-form")));
        String marker = "consent " + UUID.randomUUID().toString().substring(0, 6);
        String text = "What did the IMWG decide about " + marker + " when collecting data from refugees?";
        browser.findElement(By.id("question-text")).sendKeys(text);
        browser.findElement(By.id("ask-sector-protection")).click();
        new Select(browser.findElement(By.id("ask-areas"))).selectByValue("LB1");
        browser.findElement(By.id("ask-period")).sendKeys("2019");
        assertThat(browser.findElement(By.id("ask-asked-by")).getAttribute("value")).isEqualTo("UNHCR");
        browser.findElement(By.id("ask-button")).click();

        // Its page: the question, and candidates with the answering sentence marked and their provenance.
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("candidates")));
        String id = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        assertThat(browser.findElement(By.id("question-text")).getText()).isEqualTo(text);
        assertThat(browser.findElement(By.id("question-status")).getText()).isEqualTo("open");
        assertThat(browser.findElement(By.id("question-sectors")).getText()).contains("Protection");
        assertThat(browser.findElement(By.id("question-areas")).getText()).contains("LB1");
        assertThat(browser.findElement(By.id("question-asked")).getText()).contains("UNHCR");
        List<WebElement> candidates = browser.findElements(By.cssSelector("#candidates article.candidate"));
        assertThat(candidates).isNotEmpty();
        WebElement first = candidates.getFirst();
        assertThat(first.getAttribute("data-rank")).isEqualTo("unreviewed");
        String passage = first.getAttribute("data-passage");
        String quote = first.findElement(By.cssSelector("mark.answer")).getText();
        assertThat(quote).isNotBlank();
        assertThat(first.findElement(By.cssSelector(".passage")).getText()).contains(quote);
        assertThat(first.findElement(By.cssSelector(".why")).getText()).contains("score");
        // What the IMWG decided is in its minutes; the page says how the question was understood.
        String document = first.findElement(By.cssSelector("a.prov-document")).getText();
        assertThat(document).contains("IM Working Group");
        assertThat(first.findElement(By.cssSelector(".passage")).getText()).containsIgnoringCase("consent");
        assertThat(browser.findElement(By.id("understood-as")).getText()).contains("document type minutes");
        assertThat(first.findElement(By.cssSelector(".fit")).getText()).contains("✓");
        assertThat(first.findElement(By.cssSelector("a.prov-section")).getText()).startsWith("§");
        assertThat(first.findElement(By.cssSelector("a.prov-ingestion")).getText()).startsWith("ingested");
        assertThat(first.findElement(By.cssSelector(".prov")).getText()).contains("UNHCR");

        // Accepted: shown first, as preferred, by the coordinator; the API agrees.
        first.findElement(By.cssSelector(".review-form button.accept")).click();
        waiting().ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(By.cssSelector("#candidates article.candidate"), "data-rank", "preferred"));
        WebElement accepted = browser.findElement(By.cssSelector("#candidates article.candidate"));
        assertThat(accepted.getAttribute("data-passage")).isEqualTo(passage);
        assertThat(accepted.findElement(By.cssSelector(".badges")).getText()).contains("preferred (accepted)").contains(username);
        assertThat(accepted.findElement(By.cssSelector("button.accept")).isEnabled()).isFalse();
        JsonNode top = http().get("/api/questions/" + id).json().get("answers").get("answers").get(0);
        assertThat(top.get("passage").asString()).isEqualTo(passage);
        assertThat(top.get("review").get("rank").asString()).isEqualTo("preferred");

        // Closed: the page says so, and the list's status filter finds it among the closed ones only.
        browser.findElement(By.id("status-button")).click();
        waiting().ignoring(StaleElementReferenceException.class).until(ExpectedConditions.textToBe(By.id("question-status"), "closed"));
        assertThat(browser.findElement(By.id("status-button")).getText()).contains("Reopen");
        browser.findElement(By.id("all-questions")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("question-filters")));
        new Select(browser.findElement(By.id("filter-status"))).selectByValue("closed");
        new Select(browser.findElement(By.id("filter-sector"))).selectByValue("protection");
        browser.findElement(By.id("filter-button")).click();
        waiting().until(ExpectedConditions.urlContains("status=closed"));
        WebElement row = browser.findElement(By.cssSelector("#question-list tr[data-question='" + id + "']"));
        assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo("closed");
        assertThat(row.findElement(By.cssSelector(".accepted")).getText()).isEqualTo("1");
        assertThat(row.getText()).contains(marker).contains("UNHCR");
        new Select(browser.findElement(By.id("filter-status"))).selectByValue("open");
        browser.findElement(By.id("filter-button")).click();
        waiting().until(ExpectedConditions.urlContains("status=open"));
        assertThat(browser.findElements(By.cssSelector("#question-list tr[data-question='" + id + "']"))).isEmpty();
        assertNoBrowserErrors();
        signOut();
    }

    @Test
    void aLargeUploadIsFollowedOnItsPageUntilItsDocumentIsThere() {
        Members.Member uploader = Members.contributor(http(), admin(), "UNHCR");
        browser.get(url("/login"));
        signIn(uploader.username(), uploader.password());
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in")));
        String marker = Members.marker("Jdita");
        Http.Response accepted = uploader.http().upload("/api/documents", "large-" + marker + ".txt",
                BackgroundIngestTest.largeNote(marker, 1_200_000), Map.of("type", "field-note"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);

        browser.get(url(accepted.json().get("page").asString()));
        assertThat(browser.findElement(By.id("ingest")).getAttribute("data-finished")).as("still running when the page opened")
                .isEqualTo("false");
        // The page asks for the progress itself until the document is there.
        new WebDriverWait(browser, Duration.ofMinutes(2)).until(ExpectedConditions.textToBe(By.id("ingest-state"), "committed"));
        assertThat(browser.findElement(By.id("ingest-progress")).getAttribute("value")).isEqualTo("100");
        assertThat(browser.findElement(By.id("ingest-sent")).getText()).matches(READABLE);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ingest-document-link"))).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("doc-title")));
        assertThat(browser.getPageSource()).contains(marker);

        browser.get(url("/ingests"));
        assertThat(browser.findElement(By.id("ingest-list")).getText()).contains("large-" + marker + ".txt").contains("committed");
        assertNoBrowserErrors();
        signOut();
    }

    @Test
    void theHomePageAsksAResearchQuestionAndLeadsToItsAnswers() {
        Members.Member member = Members.contributor(http(), admin(), "WFP");
        browser.get(url("/"));
        assertThat(browser.findElement(By.id("ask-box")).getText()).contains("Sign in");
        assertThat(browser.findElements(By.cssSelector("#open-questions a.question-link"))).as("the demo questions").isNotEmpty();

        browser.get(url("/login"));
        signIn(member.username(), member.password());
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in")));
        browser.get(url("/"));
        String text = "Why did water trucking costs rise in Zahle (" + UUID.randomUUID().toString().substring(0, 6) + ")?";
        browser.findElement(By.id("home-question")).sendKeys(text);
        new Select(browser.findElement(By.id("home-sector"))).selectByValue("wash");
        browser.findElement(By.id("home-ask-button")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("candidates")));
        assertThat(browser.getCurrentUrl()).contains("/questions/");
        assertThat(browser.findElement(By.id("question-text")).getText()).isEqualTo(text);
        assertThat(browser.findElement(By.id("question-asked")).getText()).contains("WFP").matches(".*" + READABLE);

        browser.get(url("/"));
        assertThat(browser.findElement(By.id("open-questions")).getText()).as("the newest open question").contains(text);
        assertNoBrowserErrors();
        signOut();
    }

    @Test
    void theHomePageListsTheNewestDocumentsTheVisitorMayReadAndNoOthers() {
        Members.Member member = Members.contributor(http(), admin(), "UNHCR");
        String marker = Members.marker("Qaa");
        // Dated after every other document, so that it heads the list of whoever may read it.
        Http.Response uploaded = member.http().upload("/api/documents", "home-" + marker + ".md",
                ("# Restricted note " + marker + "\n\nEvictions rose in Akkar.\n").getBytes(StandardCharsets.UTF_8),
                Map.of("type", "field-note", "sensitivity", "restricted", "date", "2099-01-01"));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String restricted = uploaded.json().get("id").asString();
        try {
            browser.get(url("/"));
            List<String> shown = recentDocuments();
            List<String> listed = http().get("/api/documents?limit=10").json().valueStream().map(d -> d.get("id").asString()).toList();
            assertThat(shown).as("what GET /api/documents gives a signed-out caller").isNotEmpty().isEqualTo(listed)
                    .doesNotContain(restricted, DocumentIds.forSource("field-notes/2023-04-28-protection-flash-west-bekaa-restricted.md"));
            WebElement first = browser.findElement(By.cssSelector("#recent-documents a.doc-link"));
            String title = first.getText();
            first.click();
            waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("doc-title")));
            assertThat(browser.findElement(By.id("doc-title")).getText()).isEqualTo(title);

            browser.get(url("/login"));
            signIn(member.username(), member.password());
            waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in")));
            browser.get(url("/"));
            assertThat(recentDocuments().getFirst()).as("a member reads restricted documents").isEqualTo(restricted);
            assertThat(browser.findElement(By.cssSelector("#recent-documents tr[data-document='" + restricted + "']")).getText())
                    .contains("Restricted note " + marker).contains("field-note").contains("UNHCR").contains("2099-01-01");
            assertNoBrowserErrors();
            signOut();
        } finally {
            assertThat(admin().delete("/api/documents/" + restricted).status()).isEqualTo(204);
        }
    }

    @Test
    void aSignedOutVisitorSentToSignInIsToldWhyAndTakenBack() {
        Members.Member member = Members.contributor(http(), admin(), "Oxfam");
        browser.get(url("/observations/new"));
        WebElement reason = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-reason")));
        assertThat(reason.getText()).contains("/observations/new").contains("signed-in members");
        signIn(member.username(), member.password());
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("observation-form")));
        assertNoBrowserErrors();
        signOut();
    }

    @Test
    void anOwnerCorrectsADocumentsMetadataOnItsPageAndAnImpossibleValueIsRefusedWithAMessage() {
        Members.Member member = Members.contributor(http(), admin(), "UNHCR");
        String marker = Members.marker("Qcm");
        Http.Response uploaded = member.http().upload("/api/documents", "correct-" + marker + ".md",
                ("# Methodology\n\n*UNHCR Lebanon - 2 February 2022*\n\nShelter visits in Akkar " + marker + ".\n")
                        .getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String id = uploaded.json().get("id").asString();
        // "Methodology" names no document: the title is taken from the file name.
        String inferred = uploaded.json().get("title").asString();
        assertThat(inferred).isEqualTo("correct " + marker);

        browser.get(url("/id/document/" + id));
        assertThat(browser.findElements(By.id("correct-metadata"))).as("signed out: no form").isEmpty();
        assertThat(browser.findElement(By.cssSelector("#metadata tr[data-field=date] .method")).getText()).isEqualTo("cover-date");

        browser.get(url("/login"));
        signIn(member.username(), member.password());
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in")));
        browser.get(url("/id/document/" + id));
        WebElement form = browser.findElement(By.cssSelector("#correct-metadata form"));
        form.findElement(By.name("organisation")).sendKeys("Norma Organisation");
        form.findElement(By.name("title")).sendKeys("Akkar shelter visits " + marker);
        form.findElement(By.tagName("button")).click();
        // The page the form was on goes first: a refusal already on it is not the answer to this one.
        waiting().until(ExpectedConditions.stalenessOf(form));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("refused")));
        assertThat(browser.findElement(By.id("refused")).getText()).contains("Nothing was changed").contains("unknown organisation");
        assertThat(browser.findElement(By.id("doc-title")).getText()).as("nothing changed").isEqualTo(inferred);

        form = browser.findElement(By.cssSelector("#correct-metadata form"));
        form.findElement(By.name("date")).sendKeys("2999-02-02");
        form.findElement(By.tagName("button")).click();
        waiting().until(ExpectedConditions.stalenessOf(form));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("refused")));
        assertThat(browser.findElement(By.id("refused")).getText()).contains("impossible");

        form = browser.findElement(By.cssSelector("#correct-metadata form"));
        form.findElement(By.name("title")).sendKeys("Akkar shelter visits " + marker);
        new Select(form.findElement(By.name("type"))).selectByValue("assessment");
        form.findElement(By.tagName("button")).click();
        waiting().until(ExpectedConditions.stalenessOf(form));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("corrected")));
        assertThat(browser.findElement(By.id("doc-title")).getText()).isEqualTo("Akkar shelter visits " + marker);
        assertThat(browser.findElement(By.cssSelector("#metadata tr[data-field=title] .method")).getText()).isEqualTo("corrected");
        assertThat(member.http().get("/api/search?q=" + marker + "&type=assessment").json().get("total").asLong()).isEqualTo(1);
        assertNoBrowserErrors();
        signOut();
    }

    @Test
    void aContributorUploadsARestrictedFieldNoteSharedWithASectorAndLandsOnItsPage() throws Exception {
        Members.Member member = Members.contributor(http(), admin(), "UNHCR");
        String marker = Members.marker("Qfn");
        Path file = Files.writeString(Files.createTempFile("note-", ".md"), "# Bar Elias visit\n\nFamilies near the "
                + marker + " spring said water trucking stopped in March and tankers now cost twice as much.\n");
        browser.get(url("/login"));
        signIn(member.username(), member.password());
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in")));
        browser.findElement(By.id("nav-upload")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-form")));
        assertThat(browser.findElement(By.id("up-organisation-fixed")).getText()).isEqualTo("UNHCR");

        browser.findElement(By.id("up-file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("up-title")).sendKeys("Water trucking in Bar Elias " + marker);
        new Select(browser.findElement(By.id("up-type"))).selectByValue("field-note");
        new Select(browser.findElement(By.id("up-sensitivity"))).selectByValue("restricted");
        browser.findElement(By.id("share-sector-protection")).click();
        browser.findElement(By.id("people-yes")).click();
        browser.findElement(By.id("consent-yes")).click();
        browser.findElement(By.id("up-purpose")).sendKeys("WASH sector response");
        browser.findElement(By.id("personal-no")).click();
        browser.findElement(By.id("upload-submit")).click();

        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("doc-title")));
        assertThat(browser.getCurrentUrl()).contains("/id/document/");
        assertThat(browser.findElement(By.id("doc-title")).getText()).isEqualTo("Water trucking in Bar Elias " + marker);
        String provenance = browser.findElement(By.id("provenance")).getText();
        assertThat(provenance).contains("Sensitivity\nrestricted").contains("United Nations High Commissioner for Refugees");
        assertNoBrowserErrors();
        signOut();
        assertThat(http().get("/api/search?q=" + marker).json().get("total").asLong()).as("restricted").isZero();
        Members.Member protection = Members.create(http(), admin(), "UNICEF", List.of("coordinator"), List.of("protection"));
        assertThat(protection.http().get("/api/search?q=" + marker).json().get("total").asLong()).as("shared with protection")
                .isEqualTo(1);
    }

    @Test
    void aFieldNoteWithPersonalDataAndUnknownConsentIsRefusedBesideTheConsentFieldsAndNothingIsStored() throws Exception {
        Members.Member member = Members.contributor(http(), admin(), "UNHCR");
        String marker = Members.marker("Qpd");
        Path file = Files.writeString(Files.createTempFile("note-", ".md"), "# Visit " + marker + "\n\nWe met Ahmad Khalil "
                + "in Bar Elias; he can be reached on +961 3 123 456 about the evictions.\n");
        browser.get(url("/login"));
        signIn(member.username(), member.password());
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in")));
        browser.get(url("/documents/new"));
        browser.findElement(By.id("up-file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("up-title")).sendKeys("Evictions " + marker);
        new Select(browser.findElement(By.id("up-type"))).selectByValue("field-note");
        browser.findElement(By.id("people-yes")).click();
        browser.findElement(By.id("consent-unknown")).click();
        browser.findElement(By.id("upload-submit")).click();

        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-errors")));
        assertThat(browser.findElement(By.id("error-informedConsent")).getText()).contains("personal data")
                .contains("phone number");
        assertThat(browser.findElement(By.id("up-title")).getAttribute("value")).isEqualTo("Evictions " + marker);
        assertThat(new Select(browser.findElement(By.id("up-type"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("field-note");
        assertThat(browser.findElement(By.id("consent-unknown")).isSelected()).isTrue();
        assertNoBrowserErrors();
        signOut();
        assertThat(admin().get("/api/documents?limit=500").text()).as("nothing stored").doesNotContain(marker);
        assertThat(admin().get("/api/search?q=" + marker).json().get("total").asLong()).isZero();
    }

    @Test
    void aSignedOutVisitorOpeningTheUploadPageSignsInFirst() {
        Members.Member member = Members.contributor(http(), admin(), "WFP");
        browser.get(url("/documents/new"));
        WebElement reason = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-reason")));
        assertThat(reason.getText()).contains("/documents/new");
        signIn(member.username(), member.password());
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-form")));
        assertNoBrowserErrors();
        signOut();
    }

    /** The ids of the documents the home page lists, in its order. */
    private static List<String> recentDocuments() {
        return browser.findElements(By.cssSelector("#recent-documents tr[data-document]")).stream()
                .map(r -> r.getAttribute("data-document")).toList();
    }

    static void signIn(String username, String password) {
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-button")).click();
    }

    /**
     * Signs out and waits for the signed-out page: a sign-out still under way would otherwise land on
     * whatever page the next test opens (the browser is shared by the tests).
     */
    static void signOut() {
        browser.findElement(By.id("logout")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));
    }

    /** Scripts ran without errors and nothing was blocked by the content security policy. */
    static void assertNoBrowserErrors() {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                // A refused form is shown with its problem's status.
                .filter(m -> !m.contains("status of 400") && !m.contains("status of 409"))
                // Chromium asks for /favicon.ico itself on what has no icon link (a problem+json 404 page); its
                // 404 is logged late, into whichever test comes next in JUnit's method order.
                .filter(m -> !m.contains("/favicon.ico "))
                .toList();
        assertThat(errors).isEmpty();
    }

    // ---- Accounts, API tokens, the audit trail (admin pages) ----

    @Test
    void anAdminCreatesAnAccountChangesItsRoleAndReadsBothInTheAuditTrail() {
        String username = Members.unique("paged");
        browser.get(url("/login"));
        signIn(ADMIN_ACCOUNT, ADMIN_PASSWORD);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in")));
        browser.findElement(By.id("nav-accounts")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("account-form")));

        // A weak password, then a name that is taken: each refused beside its field, nothing created.
        browser.findElement(By.id("acc-username")).sendKeys(username);
        browser.findElement(By.id("acc-organisation")).sendKeys("UNICEF");
        browser.findElement(By.id("acc-role-contributor")).click();
        browser.findElement(By.id("acc-password")).sendKeys("short");
        browser.findElement(By.id("account-create")).click();
        assertThat(waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error-password"))).getText())
                .contains("at least 12 characters");
        assertThat(browser.findElement(By.id("acc-username")).getAttribute("value")).isEqualTo(username);
        assertThat(browser.findElement(By.id("acc-role-contributor")).isSelected()).isTrue();
        assertThat(admin().get("/api/accounts/" + username).status()).isEqualTo(404);
        browser.findElement(By.id("acc-username")).clear();
        browser.findElement(By.id("acc-username")).sendKeys(ADMIN_ACCOUNT);
        browser.findElement(By.id("acc-password")).sendKeys("a long enough password");
        browser.findElement(By.id("account-create")).click();
        assertThat(waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error-username"))).getText())
                .contains("exists already");
        browser.findElement(By.id("acc-username")).clear();
        browser.findElement(By.id("acc-username")).sendKeys(username);
        browser.findElement(By.id("acc-organisation")).clear();
        browser.findElement(By.id("acc-organisation")).sendKeys("Norma Organisation");
        browser.findElement(By.id("acc-password")).sendKeys("a long enough password");
        browser.findElement(By.id("account-create")).click();
        assertThat(waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error-organisation"))).getText())
                .contains("unknown organisation");
        assertThat(admin().get("/api/accounts/" + username).status()).isEqualTo(404);

        browser.findElement(By.id("acc-username")).clear();
        browser.findElement(By.id("acc-username")).sendKeys(username);
        browser.findElement(By.id("acc-organisation")).clear();
        browser.findElement(By.id("acc-organisation")).sendKeys("UNICEF");
        browser.findElement(By.id("acc-password")).sendKeys("a long enough password");
        browser.findElement(By.id("account-create")).click();
        assertThat(waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("done"))).getText()).contains(username);
        WebElement row = browser.findElement(By.cssSelector("#account-list tr[data-account='" + username + "']"));
        assertThat(row.findElement(By.cssSelector(".roles")).getText()).isEqualTo("contributor");
        assertThat(row.findElement(By.cssSelector(".organisation")).getText()).isEqualTo("UNICEF");
        assertThat(row.getText()).contains("enabled").containsPattern(READABLE);

        // A coordinator needs a sector: refused in the account's row, then done with one.
        row.findElement(By.tagName("summary")).click();
        row.findElement(By.cssSelector("input[name=roles][value=coordinator]")).click();
        row.findElement(By.cssSelector("input[name=roles][value=contributor]")).click();
        row.findElement(By.cssSelector("form.account-change button")).click();
        assertThat(waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("change-error-sectors"))).getText())
                .contains("at least one sector");
        assertThat(admin().get("/api/accounts/" + username).json().get("roles").toString()).contains("contributor");
        row = browser.findElement(By.cssSelector("#account-list tr[data-account='" + username + "']"));
        row.findElement(By.cssSelector("input[name=roles][value=coordinator]")).click();
        row.findElement(By.cssSelector("input[name=roles][value=contributor]")).click();
        row.findElement(By.cssSelector("input[name=sectors][value=wash]")).click();
        row.findElement(By.cssSelector("form.account-change button")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        row = browser.findElement(By.cssSelector("#account-list tr[data-account='" + username + "']"));
        assertThat(row.findElement(By.cssSelector(".roles")).getText()).isEqualTo("coordinator");
        assertThat(admin().get("/api/accounts/" + username).json().get("sectors").toString()).contains("wash");

        // Five wrong passwords pause the account's sign-in; the admin lifts the pause on the page.
        for (int i = 0; i < 5; i++) {
            http().withBasic(username, "not the password").get("/api/me/tokens");
        }
        browser.get(url("/accounts"));
        row = browser.findElement(By.cssSelector("#account-list tr[data-account='" + username + "']"));
        assertThat(row.findElement(By.cssSelector(".state")).getText()).contains("sign-in paused");
        row.findElement(By.cssSelector("button.unlock")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        assertThat(browser.findElement(By.cssSelector("#account-list tr[data-account='" + username + "'] .state")).getText())
                .doesNotContain("paused");
        assertThat(http().withBasic(username, "a long enough password").get("/api/me/tokens").status()).isEqualTo(200);

        browser.findElement(By.id("nav-audit")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-filters")));
        browser.findElement(By.id("f-actor")).sendKeys(ADMIN_ACCOUNT);
        browser.findElement(By.id("audit-filter")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-entries")));
        List<String> mine = browser.findElements(By.cssSelector("#audit-entries tbody tr")).stream().map(WebElement::getText)
                .filter(t -> t.contains(username)).toList();
        assertThat(mine).as("newest first").hasSize(3);
        assertThat(mine.get(0)).contains("account.unlock");
        assertThat(mine.get(1)).contains("account.update").contains("roles,sectors,enabled").contains("via page");
        assertThat(mine.get(2)).contains("account.create").contains("created").matches("(?s)" + READABLE + ".*");
        assertThat(browser.findElements(By.cssSelector("#audit-entries td.actor"))).allSatisfy(a ->
                assertThat(a.getText()).isEqualTo(ADMIN_ACCOUNT));

        // Paging: one entry a page, the next page holds the one before.
        browser.get(url("/audit?actor=" + ADMIN_ACCOUNT + "&limit=1"));
        String newest = browser.findElement(By.cssSelector("#audit-entries tbody tr")).getText();
        browser.findElement(By.id("audit-older")).click();
        waiting().until(ExpectedConditions.urlContains("to="));
        assertThat(browser.findElement(By.cssSelector("#audit-entries tbody tr")).getText()).isNotEqualTo(newest).contains("account.update");
        browser.get(url("/audit?from=yesterday"));
        assertThat(browser.findElement(By.id("error-from")).getText()).contains("ISO-8601");
        assertNoBrowserErrors();
        signOut();
    }

    @Test
    void aContributorCreatesATokenThatWorksAndRevokesIt() {
        Members.Member member = Members.contributor(http(), admin(), "WFP");
        browser.get(url("/login"));
        signIn(member.username(), member.password());
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in"))).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("token-form")));
        assertThat(browser.findElements(By.id("nav-accounts"))).as("no admin links for a contributor").isEmpty();
        assertThat(browser.findElements(By.cssSelector("#token-list tr[data-token]"))).as("the one Members made").hasSize(1);

        browser.findElement(By.id("token-create")).click();
        assertThat(waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error-name"))).getText()).contains("name");
        browser.findElement(By.id("token-name")).sendKeys("browser laptop");
        browser.findElement(By.id("token-create")).click();
        WebElement shown = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("new-token")));
        assertThat(shown.getText()).contains("not shown again");
        String secret = browser.findElement(By.id("new-token-secret")).getAttribute("value");
        assertThat(secret).startsWith("kh_");
        JsonNode me = http().withBearer(secret).get("/api/me").json();
        assertThat(me.get("name").asString()).isEqualTo(member.username());
        assertThat(me.get("signedIn").asBoolean()).isTrue();

        browser.get(url("/me/tokens"));
        assertThat(browser.getPageSource()).as("the secret is shown once").doesNotContain(secret);
        WebElement row = browser.findElements(By.cssSelector("#token-list tr[data-token]")).stream()
                .filter(r -> r.getText().contains("browser laptop")).findFirst().orElseThrow();
        assertThat(row.getText()).containsPattern(READABLE);
        row.findElement(By.cssSelector("button.revoke")).click();
        assertThat(waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("done"))).getText()).contains("revoked");
        assertThat(browser.findElement(By.id("token-list")).getText()).doesNotContain("browser laptop");
        assertThat(http().withBearer(secret).get("/api/me/tokens").status()).isEqualTo(401);

        browser.findElement(By.id("current-password")).sendKeys("not my password");
        browser.findElement(By.id("new-password")).sendKeys("a new password for the test");
        browser.findElement(By.id("password-change")).click();
        assertThat(waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error-current"))).getText())
                .contains("not the account's password");
        assertThat(member.basic().get("/api/me/tokens").status()).as("unchanged").isEqualTo(200);
        assertNoBrowserErrors();

        // The admin pages are not for contributors, and ask signed-out visitors to sign in.
        browser.get(url("/accounts"));
        assertThat(browser.getPageSource()).contains("your role does not allow");
        assertThat(browser.findElements(By.id("account-list"))).isEmpty();
        browser.get(url("/audit"));
        assertThat(browser.findElements(By.id("audit-entries"))).isEmpty();
        assertThat(browser.getPageSource()).contains("your role does not allow");
        browser.get(url("/me/tokens"));
        signOut();
        browser.get(url("/audit"));
        assertThat(waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-reason"))).getText()).contains("/audit");
        browser.get(url("/me/tokens"));
        assertThat(waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-reason"))).getText())
                .contains("/me/tokens");
    }
}
