package com.kineticcasebook.access;

import com.kineticcasebook.pages.PageController;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: each role lands on the page it uses most. */
@PageController
class HomePage {

  @GetMapping("/")
  String home(@AuthenticationPrincipal CasebookUser user) {
    if (user.has(Role.CLINICIAN)) {
      return "redirect:/cases";
    }
    if (user.has(Role.PRACTICE_OWNER)) {
      return "redirect:/dashboards/outcomes";
    }
    if (user.has(Role.AUDITOR)) {
      return "redirect:/audit";
    }
    if (user.has(Role.ADMIN)) {
      return "redirect:/admin/users";
    }
    return "home";
  }
}
