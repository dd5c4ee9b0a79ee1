package org.knowledgehub.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page: the account form, and a button per configured OpenID Connect provider. */
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
    String login(Model model) {
        List<Provider> providers = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object r : all) {
                ClientRegistration registration = (ClientRegistration) r;
                providers.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
            }
        }
        model.addAttribute("providers", providers);
        model.addAttribute("pauseMinutes", SignInThrottle.Paused.minutes(throttle.pause()));
        return "login";
    }
}
