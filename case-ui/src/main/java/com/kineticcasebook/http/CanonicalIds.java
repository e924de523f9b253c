package com.kineticcasebook.http;

import com.kineticcasebook.patientcase.CanonicalUuid;
import java.beans.PropertyEditorSupport;
import java.util.UUID;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Ids in paths and query parameters are taken only in their canonical spelling
 * ({@link CanonicalUuid}); anything else is a 400 (problem+json in the API, the error page on
 * pages). An empty parameter is still "not given". It is a property editor rather than a converter
 * because a failed conversion falls back to Spring's default editor, which uses
 * {@link UUID#fromString} and so takes {@code 1-2-3-4-5}. Request bodies follow the same rule
 * ({@link StrictRequestJson}).
 */
@ControllerAdvice
class CanonicalIds {

  @InitBinder
  void canonicalIds(WebDataBinder binder) {
    binder.registerCustomEditor(UUID.class, new PropertyEditorSupport() {
      @Override
      public void setAsText(String text) {
        setValue(text == null || text.isEmpty() ? null : CanonicalUuid.parse(text));
      }
    });
  }
}
