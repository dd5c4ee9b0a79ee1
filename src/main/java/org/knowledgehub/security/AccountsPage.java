package org.knowledgehub.security;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.knowledgehub.ontology.ConceptChoices;
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
 * {@code /accounts}: the admin's page for the accounts API: the list (with paused sign-ins), a form
 * that creates an account, and per account a form that changes its role, organisation, sectors or
 * state, and a button that lifts a sign-in pause. A refusal is shown beside the field it names.
 */
@Controller
class AccountsPage {

    private static final Set<String> FIELDS = Set.of("username", "displayName", "organisation", "roles", "sectors", "password");

    private final Accounts accounts;
    private final AccountChanges changes;
    private final SignInThrottle throttle;
    private final ConceptChoices concepts;
    /** What was done is said in the reader's language. */
    private final MessageSource messages;

    AccountsPage(Accounts accounts, AccountChanges changes, SignInThrottle throttle, ConceptChoices concepts,
                 MessageSource messages) {
        this.accounts = accounts;
        this.changes = changes;
        this.throttle = throttle;
        this.concepts = concepts;
        this.messages = messages;
    }

    /** An account's row: its view and whether its password sign-in is paused. */
    record Row(Accounts.View account, boolean paused) {
    }

    @GetMapping("/accounts")
    String list(Locale reader, Model model) {
        return show(model, reader, Map.of(), null, Map.of());
    }

    @PostMapping("/accounts")
    String create(@RequestParam Map<String, String> form, @RequestParam(required = false) List<String> roles,
                  @RequestParam(required = false) List<String> sectors, Locale reader, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Accounts.View created = changes.create(new Accounts.NewAccount(form.get("username"), form.get("displayName"),
                    form.get("organisation"), roles, sectors, form.get("password"), null));
            redirect.addFlashAttribute("done", messages.getMessage("accounts.created.done", new Object[] {created.username()}, reader));
            return "redirect:/accounts";
        } catch (ErrorResponseException e) {
            Map<String, Object> values = Map.of("username", form.getOrDefault("username", ""),
                    "displayName", form.getOrDefault("displayName", ""), "organisation", form.getOrDefault("organisation", ""),
                    "roles", roles == null ? List.of() : roles, "sectors", sectors == null ? List.of() : sectors);
            return show(model, reader, values, null, FormProblems.shown(e, FIELDS, response));
        }
    }

    @PostMapping("/accounts/{username}")
    String change(@PathVariable String username, @RequestParam Map<String, String> form,
                  @RequestParam(required = false) List<String> roles, @RequestParam(required = false) List<String> sectors,
                  Locale reader, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Accounts.View changed = changes.update(username, new Accounts.Change(null, form.getOrDefault("organisation", ""),
                    roles == null ? List.of() : roles, sectors == null ? List.of() : sectors,
                    !"disabled".equals(form.get("state")), null, null));
            redirect.addFlashAttribute("done", messages.getMessage("accounts.changed", new Object[] {changed.username()}, reader));
            return "redirect:/accounts";
        } catch (ErrorResponseException e) {
            return show(model, reader, Map.of(), username, FormProblems.shown(e, FIELDS, response));
        }
    }

    @PostMapping("/accounts/{username}/unlock")
    String unlock(@PathVariable String username, Locale reader, RedirectAttributes redirect) {
        changes.unlock(username);
        redirect.addFlashAttribute("done", messages.getMessage("accounts.unlocked", new Object[] {username}, reader));
        return "redirect:/accounts";
    }

    /** {@code changing}: the account whose change was refused (its row shows the errors), or null for the new account form. */
    private String show(Model model, Locale reader, Map<String, Object> values, String changing, Map<String, String> errors) {
        model.addAttribute("rows", accounts.list().stream().map(a -> new Row(a, throttle.paused(a.username()))).toList());
        model.addAttribute("values", values);
        model.addAttribute("changing", changing);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", List.of(Role.values()).stream().map(Role::code).toList());
        model.addAttribute("sectors", concepts.in(reader).sectors());
        return "accounts";
    }
}
