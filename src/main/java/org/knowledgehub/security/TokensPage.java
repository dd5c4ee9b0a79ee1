package org.knowledgehub.security;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /me/tokens}: a member's API tokens (create one, its secret shown once; revoke) and the
 * password form, through the same rules and audit records as {@code /api/me}.
 */
@Controller
class TokensPage {

    private static final Set<String> FIELDS = Set.of("name", "expiresInDays", "current", "password");

    private final ApiTokens tokens;
    private final OwnAccountChanges changes;
    /** What was done is said in the reader's language. */
    private final MessageSource messages;

    TokensPage(ApiTokens tokens, OwnAccountChanges changes, MessageSource messages) {
        this.tokens = tokens;
        this.changes = changes;
        this.messages = messages;
    }

    @GetMapping("/me/tokens")
    String list(Model model) {
        return show(model, null, Map.of());
    }

    @PostMapping("/me/tokens")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) String expiresInDays,
                  Model model, HttpServletResponse response) {
        try {
            ApiTokens.NewToken created = changes.createToken(new ApiTokens.TokenRequest(name, ApiTokens.days(expiresInDays)));
            // Shown in this answer only: not in a redirect's URL or the session.
            response.setStatus(HttpStatus.CREATED.value());
            return show(model, created, Map.of());
        } catch (ErrorResponseException e) {
            return show(model, null, FormProblems.shown(e, FIELDS, response));
        }
    }

    @PostMapping("/me/tokens/{id}/revoke")
    String revoke(@PathVariable String id, Locale reader, RedirectAttributes redirect) {
        changes.revokeToken(id);
        redirect.addFlashAttribute("done", messages.getMessage("tokens.revoked", null, reader));
        return "redirect:/me/tokens";
    }

    @PostMapping("/me/password")
    String password(@RequestParam(required = false) String current, @RequestParam(required = false) String password,
                    Locale reader, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            changes.changePassword(new Accounts.PasswordChange(current, password));
            redirect.addFlashAttribute("done", messages.getMessage("tokens.passwordChanged", null, reader));
            return "redirect:/me/tokens";
        } catch (ErrorResponseException e) {
            return show(model, null, FormProblems.shown(e, FIELDS, response));
        }
    }

    private String show(Model model, ApiTokens.NewToken created, Map<String, String> errors) {
        model.addAttribute("tokens", tokens.list(CurrentCaller.get()));
        model.addAttribute("created", created);
        model.addAttribute("errors", errors);
        return "tokens";
    }
}
