package com.kineticcasebook.administration;

import com.kineticcasebook.access.CasebookUser;
import com.kineticcasebook.access.Role;
import com.kineticcasebook.access.SeparationOfDuties;
import com.kineticcasebook.access.UserDirectory;
import com.kineticcasebook.access.UserDirectory.Account;
import com.kineticcasebook.access.UserDirectory.Relation;
import com.kineticcasebook.pages.PageController;
import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Problems;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * User management: accounts, roles, clinic memberships (works in or owns) and enabling. The rules
 * (separation of duties, no changes to one's own account) and the administration log are
 * {@link UserDirectory}'s; a refusal is shown next to the field it concerns.
 */
@PageController
class AdminUsersController {

  private final UserDirectory users;
  private final PasswordEncoder passwordEncoder;

  AdminUsersController(UserDirectory users, PasswordEncoder passwordEncoder) {
    this.users = users;
    this.passwordEncoder = passwordEncoder;
  }

  @GetMapping("/admin/users")
  String list(Model model) {
    model.addAttribute("accounts", users.accounts());
    return "administration/users";
  }

  @GetMapping("/admin/users/new")
  String newUser(Model model) {
    return form(model, UserForm.empty(), Map.of());
  }

  @PostMapping("/admin/users")
  String create(@ModelAttribute UserForm form, Model model, RedirectAttributes redirect) {
    Map<String, String> errors = new HashMap<>(form.errors());
    if (!errors.containsKey("username") && users.findByUsername(form.username()).isPresent()) {
      errors.put("username", "This username is taken.");
    }
    if (form.clinicId() != null && users.clinics().stream().noneMatch(c -> c.clinicId().equals(form.clinicId()))) {
      errors.put("clinicId", "Choose a clinic from the list.");
    }
    if (!errors.isEmpty()) {
      return form(model, form, errors);
    }
    UUID id;
    try {
      id = users.createUser(form.username(), passwordEncoder.encode(form.password()), form.roles(), form.clinicId(),
          form.relation());
    } catch (DuplicateKeyException taken) {
      return form(model, form, Map.of("username", "This username is taken."));
    } catch (SeparationOfDuties.Refused refused) {
      return form(model, form, Map.of(refused.field(), refused.getMessage()));
    }
    redirect.addFlashAttribute("notice", "User " + form.username() + " was created.");
    return "redirect:/admin/users/" + id;
  }

  @GetMapping("/admin/users/{userId}")
  String edit(@AuthenticationPrincipal CasebookUser admin, @PathVariable UUID userId, Model model) {
    Account account = account(userId);
    model.addAttribute("account", account);
    model.addAttribute("ownAccount", admin.id().equals(userId));
    model.addAttribute("administratorAccount", account.roles().contains(Role.ADMIN));
    model.addAttribute("allRoles", Role.values());
    model.addAttribute("clinics", users.clinics());
    model.addAttribute("relations", Relation.values());
    return "administration/user";
  }

  @PostMapping("/admin/users/{userId}/roles")
  String roles(@AuthenticationPrincipal CasebookUser admin, @PathVariable UUID userId,
      @RequestParam(required = false) Set<Role> roles, Model model, RedirectAttributes redirect) {
    Account account = account(userId);
    Set<Role> chosen = roles == null ? Set.of() : roles;
    if (chosen.isEmpty()) {
      return refused(admin, userId, "roles", "Choose at least one role.", model);
    }
    try {
      users.setRoles(userId, chosen);
    } catch (SeparationOfDuties.Refused refused) {
      return refused(admin, userId, refused.field(), refused.getMessage(), model);
    }
    redirect.addFlashAttribute("notice", "Roles of " + account.username() + " were saved. They apply from the next sign-in.");
    return "redirect:/admin/users/" + userId;
  }

  @PostMapping("/admin/users/{userId}/memberships")
  String addMembership(@AuthenticationPrincipal CasebookUser admin, @PathVariable UUID userId,
      @RequestParam(required = false) UUID clinicId, @RequestParam(required = false) Relation relation, Model model,
      RedirectAttributes redirect) {
    Account account = account(userId);
    var clinic = users.clinics().stream().filter(c -> c.clinicId().equals(clinicId)).findFirst();
    if (clinic.isEmpty() || relation == null) {
      return refused(admin, userId, clinic.isEmpty() ? "clinicId" : "relation",
          clinic.isEmpty() ? "Choose a clinic." : "Choose whether the user works in or owns the clinic.", model);
    }
    try {
      users.addMembership(userId, clinicId, relation);
    } catch (SeparationOfDuties.Refused refused) {
      return refused(admin, userId, refused.field(), refused.getMessage(), model);
    }
    redirect.addFlashAttribute("notice", account.username() + (relation == Relation.OWNER ? " owns " : " works in ")
        + clinic.get().name() + ".");
    return "redirect:/admin/users/" + userId;
  }

  @PostMapping("/admin/users/{userId}/memberships/removal")
  String removeMembership(@AuthenticationPrincipal CasebookUser admin, @PathVariable UUID userId,
      @RequestParam UUID clinicId, @RequestParam Relation relation, Model model, RedirectAttributes redirect) {
    Account account = account(userId);
    try {
      users.removeMembership(userId, clinicId, relation);
    } catch (SeparationOfDuties.Refused refused) {
      return refused(admin, userId, refused.field(), refused.getMessage(), model);
    }
    redirect.addFlashAttribute("notice", "Membership of " + account.username() + " was removed.");
    return "redirect:/admin/users/" + userId;
  }

  @PostMapping("/admin/users/{userId}/enabled")
  String enable(@AuthenticationPrincipal CasebookUser admin, @PathVariable UUID userId,
      @RequestParam boolean enabled, Model model, RedirectAttributes redirect) {
    Account account = account(userId);
    try {
      users.setEnabled(userId, enabled);
    } catch (SeparationOfDuties.Refused refused) {
      return refused(admin, userId, refused.field(), refused.getMessage(), model);
    }
    redirect.addFlashAttribute("notice", account.username() + (enabled ? " can sign in again." : " can no longer sign in."));
    return "redirect:/admin/users/" + userId;
  }

  /** The user's page again, with the refusal next to the field it concerns. */
  private String refused(CasebookUser admin, UUID userId, String field, String message, Model model) {
    model.addAttribute("errors", Map.of(field, message));
    return edit(admin, userId, model);
  }

  private String form(Model model, UserForm form, Map<String, String> errors) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("allRoles", Role.values());
    model.addAttribute("clinics", users.clinics());
    model.addAttribute("relations", Relation.values());
    model.addAttribute("minPasswordLength", UserForm.MIN_PASSWORD_LENGTH);
    return "administration/new-user";
  }

  private Account account(UUID userId) {
    return users.account(userId).orElseThrow(() -> new ApiException(Problems.notFound("user")));
  }
}
