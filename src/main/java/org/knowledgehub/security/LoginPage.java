package org.knowledgehub.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page: the account form, a button per configured OpenID Connect provider, and, when a
 * page that needs signing in sent the browser here, which page (signing in then leads back to it).
 */
@Controller
class LoginPage {

    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final SignInThrottle throttle;

    LoginPage(ObjectProvider<ClientRegistrationRepository> registrations, SignInThrottle throttle) {
        this.registrations = registrations;
        this.throttle = throttle;
    }

    record Provider(String id, String name) {
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, HttpServletResponse response, Model model) {
        List<Provider> providers = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object r : all) {
                ClientRegistration registration = (ClientRegistration) r;
                providers.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
            }
        }
        model.addAttribute("providers", providers);
        model.addAttribute("pauseMinutes", SignInThrottle.Paused.minutes(throttle.pause()));
        // Spring Security keeps the refused request in the session (its default request cache) to return to it.
        SavedRequest saved = new HttpSessionRequestCache().getRequest(request, response);
        model.addAttribute("signInFor", saved == null ? null : URI.create(saved.getRedirectUrl()).getPath());
        return "login";
    }
}
