package com.kineticcasebook.administration;

import com.kineticcasebook.identity.CasebookUser;
import com.kineticcasebook.identity.Role;
import com.kineticcasebook.identity.UserDirectory;
import com.kineticcasebook.identity.UserDirectory.Account;
import com.kineticcasebook.identity.UserDirectory.Relation;
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
 * User management: accounts, roles, clinic memberships (works in or owns) and enabling. An
 * administrator cannot disable themselves or drop their own administrator role, so the practice
 * is never left without one by accident.
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
      id = users.createUser(form.username(), passwordEncoder.encode(form.password()), form.roles());
    } catch (DuplicateKeyException taken) {
      return form(model, form, Map.of("username", "This username is taken."));
    }
    if (form.clinicId() != null) {
      users.addMembership(id, form.clinicId(), form.relation());
    }
    redirect.addFlashAttribute("notice", "User " + form.username() + " was created.");
    return "redirect:/admin/users/" + id;
  }

  @GetMapping("/admin/users/{userId}")
  String edit(@PathVariable UUID userId, Model model) {
    model.addAttribute("account", account(userId));
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
    String problem = chosen.isEmpty() ? "Choose at least one role."
        : admin.id().equals(userId) && !chosen.contains(Role.ADMIN) ? "You cannot remove your own administrator role."
        : null;
    if (problem != null) {
      model.addAttribute("errors", Map.of("roles", problem));
      return edit(userId, model);
    }
    users.setRoles(userId, chosen);
    redirect.addFlashAttribute("notice", "Roles of " + account.username() + " were saved. They apply from the next sign-in.");
    return "redirect:/admin/users/" + userId;
  }

  @PostMapping("/admin/users/{userId}/memberships")
  String addMembership(@PathVariable UUID userId, @RequestParam(required = false) UUID clinicId,
      @RequestParam(required = false) Relation relation, Model model, RedirectAttributes redirect) {
    Account account = account(userId);
    var clinic = users.clinics().stream().filter(c -> c.clinicId().equals(clinicId)).findFirst();
    if (clinic.isEmpty() || relation == null) {
      model.addAttribute("errors", Map.of(clinic.isEmpty() ? "clinicId" : "relation",
          clinic.isEmpty() ? "Choose a clinic." : "Choose whether the user works in or owns the clinic."));
      return edit(userId, model);
    }
    users.addMembership(userId, clinicId, relation);
    redirect.addFlashAttribute("notice", account.username() + (relation == Relation.OWNER ? " owns " : " works in ")
        + clinic.get().name() + ".");
    return "redirect:/admin/users/" + userId;
  }

  @PostMapping("/admin/users/{userId}/memberships/removal")
  String removeMembership(@PathVariable UUID userId, @RequestParam UUID clinicId, @RequestParam Relation relation,
      RedirectAttributes redirect) {
    Account account = account(userId);
    users.removeMembership(userId, clinicId, relation);
    redirect.addFlashAttribute("notice", "Membership of " + account.username() + " was removed.");
    return "redirect:/admin/users/" + userId;
  }

  @PostMapping("/admin/users/{userId}/enabled")
  String enable(@AuthenticationPrincipal CasebookUser admin, @PathVariable UUID userId,
      @RequestParam boolean enabled, Model model, RedirectAttributes redirect) {
    Account account = account(userId);
    if (!enabled && admin.id().equals(userId)) {
      model.addAttribute("errors", Map.of("enabled", "You cannot disable your own account."));
      return edit(userId, model);
    }
    users.setEnabled(userId, enabled);
    redirect.addFlashAttribute("notice", account.username() + (enabled ? " can sign in again." : " can no longer sign in."));
    return "redirect:/admin/users/" + userId;
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
