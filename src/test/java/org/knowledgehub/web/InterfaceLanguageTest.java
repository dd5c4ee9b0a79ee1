package org.knowledgehub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.security.BrowserSession;
import org.knowledgehub.security.Members;

/** The language switch over plain HTTP: what it accepts, what it ignores, and what it leaves alone. */
class InterfaceLanguageTest extends HubTest {

    @Test
    void onlyTheInterfaceLanguagesAreTakenAndTheChoiceIsACookie() {
        Http.Response arabic = http().get("/?lang=ar");
        assertThat(arabic.status()).isEqualTo(200);
        assertThat(arabic.text()).contains("<html lang=\"ar\" dir=\"rtl\">");
        assertThat(arabic.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("kh-lang=ar").contains("HttpOnly").contains("SameSite=Lax"));
        assertThat(arabic.header("Cache-Control")).as("a page in a reader's language is not cached for others").contains("no-store");

        assertThat(http().get("/", "Cookie", "kh-lang=fr").text()).contains("<html lang=\"fr\" dir=\"ltr\">");
        for (String other : new String[] {"de", "xx-YY", "<script>", ""}) {
            Http.Response r = http().get("/?lang=" + Http.enc(other));
            assertThat(r.status()).as(other).isEqualTo(200);
            assertThat(r.text()).as(other).contains("<html lang=\"en\" dir=\"ltr\">");
            assertThat(setsLanguage(r)).as(other).isFalse();
        }
        assertThat(http().get("/", "Accept-Language", "ar").text()).as("the browser's language is not consulted")
                .contains("<html lang=\"en\" dir=\"ltr\">");
    }

    @Test
    void theQuestionListOffersSectorsAndAreasInTheReadersLanguage() {
        String arabic = http().get("/questions", "Cookie", "kh-lang=ar").text();
        assertThat(arabic).contains("<html lang=\"ar\" dir=\"rtl\">").contains("الأسئلة البحثية")
                .contains(">المياه والصرف الصحي والنظافة الصحية</option>");
        String french = http().get("/questions", "Cookie", "kh-lang=fr").text();
        assertThat(french).contains("Questions de recherche").contains(">Eau, assainissement et hygiène</option>");
        String english = http().get("/questions").text();
        assertThat(english).contains(">Water, Sanitation and Hygiene</option>").containsPattern("</span> <span>questions?</span>");
    }

    @Test
    void aPostNamingLangNeitherSwitchesNorPassesTheCsrfCheck() {
        Http.Response r = http().postForm("/questions?lang=ar", Map.of("text", "Why?", "lang", "ar"));
        assertThat(r.status()).isIn(302, 401, 403);
        assertThat(setsLanguage(r)).isFalse();
    }

    /** Each page with words of its own it showed in English, sampled: none may be left in French or Arabic. */
    private static Map<String, List<String>> pagesAndTheirEnglish() {
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("/trends", List.of("Indicator trends", ">Governorates<", "Over the years", "By area in", "Download CSV"));
        pages.put("/areas/LB2", List.of("<h2>Indicators</h2>", "What documents say", "Field observations", ">Governorate<",
                "Districts:", ">Lebanon</a>"));
        pages.put("/documents/new", List.of("Upload a document", "recognise from the content", "detect from the text",
                "Shared with", "Was the information collected from people", "Consent (field notes)", "public: everyone"));
        pages.put("/observations/new", List.of("Contribute a field observation", "What was observed", "Observed on",
                "Locality (village", "Consent (do no harm)", ">field visit<", "Did they give informed consent?"));
        pages.put("/observations/mine", List.of("Observations of", "Contribute another", "with the coordinators"));
        pages.put("/observations/review", List.of("Review field observations", "Awaiting review", "<h2>Reviewed</h2>"));
        pages.put("/ingests", List.of("Background ingests", "ingested in the background"));
        pages.put("/query", List.of("Named queries", "Each opens in a tab", "Full-text search: <code>", ">Meeting agendas</button>"));
        pages.put("/accounts", List.of("New account", "Name shown", "Lift the pause", ">enabled<", ">contributor<", "audit trail"));
        pages.put("/audit", List.of("Audit trail", "Per page", "Before (UTC)", "Every write"));
        pages.put("/me/tokens", List.of("API tokens", "New token", "Current password", "in 90 days", "lets a script act"));
        pages.put("/indicators/import", List.of("Import an indicator table", "Sector of the table", "long CSV", "Year (for values"));
        pages.put("/organisations/proposed", List.of("Proposed organisations", "entity recognition"));
        return pages;
    }

    @Test
    void everyPageSpeaksFrenchAndArabicWithArabicRightToLeft() {
        Members.Member admin = Members.create(http(), admin(), "UNHCR", List.of("admin"), List.of());
        // A paused sign-in puts "Lift the pause" on the accounts page.
        for (int i = 0; i < 5; i++) {
            http().withBasic(admin.username(), "not the password").get("/api/me/tokens");
        }
        Map<String, List<String>> pages = new LinkedHashMap<>(pagesAndTheirEnglish());
        pages.put("/login", List.of("Username", "Password", "Anyone can search public documents"));
        // Concepts by their labels in the reader's language, from the ontology.
        assertThat(admin.http().get("/areas/LB2?lang=ar").text()).contains("<h1 id=\"area-name\">البقاع</h1>");
        assertThat(admin.http().get("/observations/new?lang=ar").text()).contains(">زيارة ميدانية</option>");
        assertThat(admin.http().get("/trends?lang=fr").text()).contains(">Békaa</option>");
        pages.forEach((page, english) -> {
            Http as = page.equals("/login") ? http() : admin.http();
            String inEnglish = as.get(page + "?lang=en").text();
            assertThat(inEnglish).as(page + " in English").contains(english);
            for (String language : List.of("fr", "ar")) {
                Http.Response r = as.get(page + "?lang=" + language);
                assertThat(r.status()).as(page + " in " + language).isEqualTo(200);
                assertThat(r.text()).as(page + " in " + language)
                        .contains(language.equals("ar") ? "<html lang=\"ar\" dir=\"rtl\">" : "<html lang=\"fr\" dir=\"ltr\">");
                english.forEach(words -> assertThat(r.text()).as(page + " in " + language).doesNotContain(words));
            }
        });
    }

    @Test
    void formErrorsOfTheUploadAndObservationFormsAreInTheReadersLanguage() {
        Members.Member member = Members.contributor(http(), admin(), "UNHCR");
        BrowserSession session = new BrowserSession("http://127.0.0.1:" + port);
        assertThat(session.signIn(member.username(), member.password()).header("Location")).doesNotContain("error");
        Http.Response form = session.get("/observations/new?lang=ar");
        Http.Response refused = session.postForm("/observations", Map.of("_csrf", BrowserSession.csrfToken(form),
                "text", "too short", "observedFrom", "2023-13-40", "area", "LB2", "method", "field-visit"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("<html lang=\"ar\" dir=\"rtl\">").contains("نص الملاحظة مطلوب")
                .doesNotContain("The text of an observation is required").contains("لم تُحفظ الملاحظة");
    }

    private static boolean setsLanguage(Http.Response r) {
        return r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("kh-lang="));
    }
}
