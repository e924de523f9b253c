package com.kineticcasebook.administration;

import com.kineticcasebook.access.UserDirectory;
import com.kineticcasebook.pages.PageController;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The practice's clinics: listed and created here, staffed and owned through user memberships. */
@PageController
class AdminClinicsController {

  private static final int MAX_NAME_LENGTH = 200;

  private final UserDirectory users;

  AdminClinicsController(UserDirectory users) {
    this.users = users;
  }

  @GetMapping("/admin/clinics")
  String list(Model model) {
    model.addAttribute("clinics", users.clinics());
    return "administration/clinics";
  }

  @PostMapping("/admin/clinics")
  String create(@RequestParam(defaultValue = "") String name, Model model, RedirectAttributes redirect) {
    String trimmed = name.strip();
    String problem = trimmed.isEmpty() ? "Enter the clinic's name."
        : trimmed.length() > MAX_NAME_LENGTH ? "Use at most " + MAX_NAME_LENGTH + " characters."
        : users.findClinicByName(trimmed).isPresent() ? "A clinic with this name exists." : null;
    if (problem == null) {
      try {
        users.createClinic(trimmed);
        redirect.addFlashAttribute("notice", "Clinic " + trimmed + " was created.");
        return "redirect:/admin/clinics";
      } catch (DuplicateKeyException taken) {
        problem = "A clinic with this name exists.";
      }
    }
    model.addAttribute("name", name);
    model.addAttribute("errors", Map.of("name", problem));
    return list(model);
  }
}
