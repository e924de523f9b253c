package com.kineticcasebook.access;

import com.kineticcasebook.pages.PageController;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. Spring Security handles the form's POST; after a failure this page says why in
 * words that give nothing away about which accounts exist.
 */
@PageController
class LoginPage {

  private static final String LAST_USERNAME = LoginPage.class.getName() + ".username";
  private static final int MAX_USERNAME_SHOWN = 100;

  /** After a failed sign-in the form shows the username again, so only the password is typed twice. */
  static AuthenticationFailureHandler rememberingUsername() {
    SimpleUrlAuthenticationFailureHandler redirect = new SimpleUrlAuthenticationFailureHandler("/login?error");
    return (request, response, exception) -> {
      String username = request.getParameter("username");
      if (username != null && username.length() <= MAX_USERNAME_SHOWN) {
        request.getSession().setAttribute(LAST_USERNAME, username);
      }
      redirect.onAuthenticationFailure(request, response, exception);
    };
  }

  @GetMapping("/login")
  String show(@RequestParam(required = false) String error, @RequestParam(required = false) String revoked,
      HttpSession session, Model model) {
    if (revoked != null) {
      model.addAttribute("message", "Your access has changed or ended. Sign in again.");
    }
    if (error != null) {
      model.addAttribute("username", session.getAttribute(LAST_USERNAME));
      session.removeAttribute(LAST_USERNAME);
      Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
      model.addAttribute("message", failure instanceof LoginThrottle.TooManyFailures tooMany
          ? tooMany.inWords()
          : failure instanceof AuthenticationException || failure == null
              ? "Wrong username or password, or the account is disabled."
              : "Sign-in failed.");
      session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }
    return "login";
  }
}
