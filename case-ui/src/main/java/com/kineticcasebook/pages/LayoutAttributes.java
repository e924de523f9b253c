package com.kineticcasebook.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the page layout needs on every page: the path, to mark the current section in the navigation. */
@ControllerAdvice(annotations = PageController.class)
class LayoutAttributes {

  @ModelAttribute("currentPath")
  String currentPath(HttpServletRequest request) {
    return request.getRequestURI();
  }
}
