package org.knowledgehub.web;

import org.knowledgehub.security.Accounts;
import org.knowledgehub.security.CurrentCaller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page's header shows who is signed in ({@code me}), with a sign-out button, or a sign-in link. */
@ControllerAdvice
class PageHeader {

    private final Accounts accounts;

    PageHeader(Accounts accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("me")
    Accounts.Profile me() {
        return accounts.profile(CurrentCaller.get());
    }
}
