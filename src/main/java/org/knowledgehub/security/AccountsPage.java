package org.knowledgehub.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.knowledgehub.ontology.ConceptChoices;
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

    AccountsPage(Accounts accounts, AccountChanges changes, SignInThrottle throttle, ConceptChoices concepts) {
        this.accounts = accounts;
        this.changes = changes;
        this.throttle = throttle;
        this.concepts = concepts;
    }

    /** An account's row: its view and whether its password sign-in is paused. */
    record Row(Accounts.View account, boolean paused) {
    }

    @GetMapping("/accounts")
    String list(Model model) {
        return show(model, Map.of(), null, Map.of());
    }

    @PostMapping("/accounts")
    String create(@RequestParam Map<String, String> form, @RequestParam(required = false) List<String> roles,
                  @RequestParam(required = false) List<String> sectors, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        try {
            Accounts.View created = changes.create(new Accounts.NewAccount(form.get("username"), form.get("displayName"),
                    form.get("organisation"), roles, sectors, form.get("password"), null));
            redirect.addFlashAttribute("done", "Account " + created.username() + " created.");
            return "redirect:/accounts";
        } catch (ErrorResponseException e) {
            Map<String, Object> values = Map.of("username", form.getOrDefault("username", ""),
                    "displayName", form.getOrDefault("displayName", ""), "organisation", form.getOrDefault("organisation", ""),
                    "roles", roles == null ? List.of() : roles, "sectors", sectors == null ? List.of() : sectors);
            return show(model, values, null, FormProblems.shown(e, FIELDS, response));
        }
    }

    @PostMapping("/accounts/{username}")
    String change(@PathVariable String username, @RequestParam Map<String, String> form,
                  @RequestParam(required = false) List<String> roles, @RequestParam(required = false) List<String> sectors,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Accounts.View changed = changes.update(username, new Accounts.Change(null, form.getOrDefault("organisation", ""),
                    roles == null ? List.of() : roles, sectors == null ? List.of() : sectors,
                    !"disabled".equals(form.get("state")), null, null));
            redirect.addFlashAttribute("done", "Account " + changed.username() + " changed.");
            return "redirect:/accounts";
        } catch (ErrorResponseException e) {
            return show(model, Map.of(), username, FormProblems.shown(e, FIELDS, response));
        }
    }

    @PostMapping("/accounts/{username}/unlock")
    String unlock(@PathVariable String username, RedirectAttributes redirect) {
        changes.unlock(username);
        redirect.addFlashAttribute("done", "Sign-in of " + username + " is no longer paused.");
        return "redirect:/accounts";
    }

    /** {@code changing}: the account whose change was refused (its row shows the errors), or null for the new account form. */
    private String show(Model model, Map<String, Object> values, String changing, Map<String, String> errors) {
        model.addAttribute("rows", accounts.list().stream().map(a -> new Row(a, throttle.paused(a.username()))).toList());
        model.addAttribute("values", values);
        model.addAttribute("changing", changing);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", List.of(Role.values()).stream().map(Role::code).toList());
        model.addAttribute("sectors", concepts.sectors());
        return "accounts";
    }
}
