package com.kineticcasebook.access;

/** Names shared by the code that grants break-glass access and the code that logs its use. */
public final class BreakGlass {

  /** Request attribute: the reason of the grant a read was allowed under. */
  public static final String REASON_ATTRIBUTE = BreakGlass.class.getName() + ".reason";

  /** Request attribute: the case a break-glass grant was asked for, which its path does not name. */
  public static final String CASE_ATTRIBUTE = BreakGlass.class.getName() + ".case";

  private BreakGlass() {}
}
