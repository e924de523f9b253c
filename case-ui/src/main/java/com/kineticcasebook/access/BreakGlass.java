package com.kineticcasebook.access;

/** Names shared by the code that grants break-glass access and the code that logs its use. */
public final class BreakGlass {

  /** Request attribute: the reason of the grant a read was allowed under. */
  public static final String REASON_ATTRIBUTE = BreakGlass.class.getName() + ".reason";

  private BreakGlass() {}
}
