package com.kineticcasebook.identity;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. Spring Security handles the form's POST; after a failure this page says why in
 * words that give nothing away about which accounts exist.
 */
@Controller
class LoginPage {

  private final LoginThrottle throttle;

  LoginPage(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @GetMapping("/login")
  String show(@RequestParam(required = false) String error, HttpSession session, Model model) {
    if (error != null) {
      Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
      model.addAttribute("message", failure instanceof LockedException
          ? "Too many failed sign-ins for this account or address. Try again in " + throttle.window().toMinutes()
              + " minutes."
          : failure instanceof AuthenticationException || failure == null
              ? "Wrong username or password, or the account is disabled."
              : "Sign-in failed.");
      session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }
    return "login";
  }
}
