package com.kineticcasebook.problem;

import java.util.List;

/** The one check of a listing's {@code page} and {@code size}, refused as a field error of whichever is wrong. */
public final class Paging {

  private Paging() {}

  public static void require(int page, int size, int maxSize) {
    if (page < 0 || size < 1 || size > maxSize) {
      throw new ApiException(Problems.validation(List.of(new Problems.FieldError(page < 0 ? "page" : "size",
          page < 0 ? "must be 0 or more" : "must be between 1 and " + maxSize))));
    }
  }
}
