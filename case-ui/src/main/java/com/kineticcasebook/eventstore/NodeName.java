package com.kineticcasebook.eventstore;

import java.lang.management.ManagementFactory;

/**
 * The name of this running node among the nodes sharing one database: the token store writes it
 * as the owner of the projection segments this node holds, and the node's heartbeat carries it,
 * so that claims can be matched to the nodes that are alive. It is the process's "pid@host".
 */
public record NodeName(String value) {

  public static NodeName ofThisProcess() {
    return new NodeName(ManagementFactory.getRuntimeMXBean().getName());
  }
}
