package org.knowledgehub.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.knowledgehub.security.Accounts;
import org.knowledgehub.security.CurrentCaller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every page's header shows who is signed in ({@code me}), with a sign-out button, or a sign-in
 * link, and the interface languages to switch to ({@code languages}).
 */
@ControllerAdvice
class PageHeader {

    /**
     * One language of the switch.
     *
     * @param name    the language's name in itself ("Français"), as a reader looks for it
     * @param href    this page again in that language
     * @param current whether it is the page's language
     */
    record LanguageLink(String code, String name, String href, boolean current) {
    }

    private final Accounts accounts;
    private final InterfaceProperties languages;

    PageHeader(Accounts accounts, InterfaceProperties languages) {
        this.accounts = accounts;
        this.languages = languages;
    }

    @ModelAttribute("me")
    Accounts.Profile me() {
        return accounts.profile(CurrentCaller.get());
    }

    @ModelAttribute("languages")
    List<LanguageLink> languages(HttpServletRequest request, Locale reader) {
        return languages.languages().stream().map(code -> {
            Locale language = Locale.forLanguageTag(code);
            String name = language.getDisplayLanguage(language);
            String href = UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                    .replaceQueryParam(InterfaceLanguage.PARAMETER, code).build().toUriString();
            return new LanguageLink(code, name.substring(0, 1).toUpperCase(language) + name.substring(1), href,
                    code.equals(reader.getLanguage()));
        }).toList();
    }
}
