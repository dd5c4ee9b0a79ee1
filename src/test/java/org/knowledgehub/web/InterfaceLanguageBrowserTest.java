package org.knowledgehub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.knowledgehub.web.BrowserTest.assertNoBrowserErrors;
import static org.knowledgehub.web.BrowserTest.browser;
import static org.knowledgehub.web.BrowserTest.signIn;
import static org.knowledgehub.web.BrowserTest.signOut;
import static org.knowledgehub.web.BrowserTest.waiting;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.knowledgehub.security.Members;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The interface language in Chromium, with {@link BrowserTest}'s browser: English until a reader
 * switches, then Arabic right to left with the ontology's Arabic sector labels, then French, the
 * choice kept from page to page and the search it was made on kept too.
 */
class InterfaceLanguageBrowserTest extends ChromiumTest {

    private String url(String path) {
        return http().base() + path;
    }

    private static String html(String attribute) {
        return browser.findElement(By.tagName("html")).getAttribute(attribute);
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Follows the header's link to a language and waits for the page in it. */
    private static void switchTo(String language) {
        browser.findElement(By.id("lang-" + language)).click();
        waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", language));
    }

    private static WebElement washFacet() {
        return browser.findElement(By.cssSelector("#facets a[data-dimension='sector'][data-value='wash']"));
    }

    @Test
    void englishByDefaultThenArabicRightToLeftThenFrench() {
        browser.manage().deleteAllCookies();
        browser.get(url("/?q=water+trucking"));
        assertThat(html("lang")).isEqualTo("en");
        assertThat(html("dir")).isEqualTo("ltr");
        assertThat(text("nav-search")).isEqualTo("Search");
        assertThat(washFacet().getText()).isEqualTo("Water, Sanitation and Hygiene");
        assertThat(browser.findElement(By.id("lang-en")).getAttribute("aria-current")).isEqualTo("true");

        switchTo("ar");
        assertThat(html("dir")).isEqualTo("rtl");
        WebElement header = browser.findElement(By.cssSelector("header.site"));
        assertThat(header.getAttribute("dir")).isEqualTo("rtl");
        assertThat(header.getAttribute("lang")).isEqualTo("ar");
        assertThat(text("nav-search")).isEqualTo("بحث");
        assertThat(text("nav-questions")).isEqualTo("الأسئلة");
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).as("the search is kept").isEqualTo("water trucking");
        assertThat(washFacet().getText()).isEqualTo("المياه والصرف الصحي والنظافة الصحية");
        assertThat(text("search-button")).isEqualTo("بحث");

        browser.get(url("/"));
        assertThat(html("lang")).as("the choice is remembered").isEqualTo("ar");
        assertThat(text("recent")).contains("أحدث الوثائق");
        assertThat(browser.findElement(By.cssSelector("footer.site")).getText()).contains("المعرفة المشتركة");

        browser.findElement(By.cssSelector("#recent-documents a.doc-link")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("doc-title")));
        assertThat(text("provenance")).contains("المنشأ");
        WebElement language = browser.findElement(By.id("doc-language"));
        assertThat(language.getText()).as("the document's language named in Arabic").isIn("الإنجليزية", "الفرنسية", "العربية");
        WebElement passage = browser.findElement(By.cssSelector(".passage-text"));
        assertThat(passage.getAttribute("dir")).isEqualTo("auto");
        assertThat(passage.getAttribute("lang")).isIn("en", "fr", "ar");

        browser.get(url("/"));
        switchTo("fr");
        assertThat(html("dir")).isEqualTo("ltr");
        assertThat(text("nav-search")).isEqualTo("Recherche");
        assertThat(text("recent")).contains("Documents récents");
        assertThat(browser.findElement(By.id("lang-fr")).getAttribute("aria-current")).isEqualTo("true");

        String question = http().get("/api/questions").json().get(0).get("id").asString();
        browser.get(url("/questions/" + question));
        assertThat(text("question-page")).contains("Réponses candidates").contains("Secteurs");

        switchTo("en");
        assertThat(text("nav-search")).isEqualTo("Search");
        browser.manage().deleteAllCookies();
        browser.get(url("/"));
        assertThat(html("lang")).isEqualTo("en");
        assertThat(text("recent")).contains("Recent documents");
    }

    @Test
    void theUploadFormInArabicSaysWhatItRefusesInArabicAndKeepsWhatWasTyped() throws Exception {
        Members.Member member = Members.contributor(http(), admin(), "UNHCR");
        String marker = Members.marker("Qar");
        Path file = Files.writeString(Files.createTempFile("note-", ".md"), "# Visit " + marker + "\n\nWe met Ahmad Khalil "
                + "in Bar Elias; he can be reached on +961 3 123 456 about the evictions.\n");
        browser.manage().deleteAllCookies();
        browser.get(url("/login?lang=ar"));
        assertThat(text("login-button")).isEqualTo("تسجيل الدخول");
        signIn(member.username(), member.password());
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in")));
        browser.findElement(By.id("nav-upload")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-form")));
        assertThat(html("dir")).isEqualTo("rtl");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("رفع وثيقة");
        assertThat(browser.findElement(By.cssSelector("label[for='up-file']")).getText()).isEqualTo("الملف");
        assertThat(new Select(browser.findElement(By.id("up-type"))).getOptions().stream().map(WebElement::getText))
                .containsExactly("التعرّف عليه من المحتوى", "محضر اجتماع", "تقييم", "ملاحظة ميدانية", "أخرى");
        assertThat(browser.findElement(By.id("up-consent")).getText()).contains("الموافقة (الملاحظات الميدانية)")
                .contains("هل أعطوا موافقتهم المستنيرة؟");

        browser.findElement(By.id("up-file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("up-title")).sendKeys("إخلاءات " + marker);
        new Select(browser.findElement(By.id("up-type"))).selectByValue("field-note");
        browser.findElement(By.id("people-yes")).click();
        browser.findElement(By.id("consent-unknown")).click();
        browser.findElement(By.id("upload-submit")).click();

        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-errors")));
        assertThat(html("dir")).isEqualTo("rtl");
        assertThat(text("upload-errors")).contains("لم تُحفظ الوثيقة");
        assertThat(text("error-informedConsent")).contains("بيانات شخصية").doesNotContain("personal data");
        assertThat(browser.findElement(By.id("up-title")).getAttribute("value")).isEqualTo("إخلاءات " + marker);
        assertThat(browser.findElement(By.id("consent-unknown")).isSelected()).isTrue();
        assertNoBrowserErrors();
        signOut();
        assertThat(text("signed-out")).isEqualTo("لقد سجّلت الخروج.");
        browser.manage().deleteAllCookies();
    }
}
