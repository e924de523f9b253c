package com.kineticcasebook.access;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells a client who it is signed in as: roles and the clinics the user works in or owns. */
@RestController
class MeController {

  record Me(String username, List<String> roles, List<UserDirectory.Clinic> clinics) {}

  private final UserDirectory users;

  MeController(UserDirectory users) {
    this.users = users;
  }

  @GetMapping("/api/v1/me")
  Me me(@AuthenticationPrincipal CasebookUser user) {
    return new Me(user.username(), user.roles().stream().map(Enum::name).sorted().toList(), users.clinicsOf(user));
  }
}
