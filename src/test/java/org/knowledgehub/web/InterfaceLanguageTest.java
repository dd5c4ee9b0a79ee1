package org.knowledgehub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;

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

    private static boolean setsLanguage(Http.Response r) {
        return r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("kh-lang="));
    }
}
