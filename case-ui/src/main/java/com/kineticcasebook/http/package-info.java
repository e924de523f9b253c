/**
 * Cross-cutting HTTP concerns: one canonical request path for every filter and the router, ids in
 * their canonical form, correlation ids, request size limits, forwarded headers from listed proxies
 * only, and redirects that never carry the client's host.
 */
@ApplicationModule(displayName = "Request handling", allowedDependencies = {"eventstore", "problem"})
package com.kineticcasebook.http;

import org.springframework.modulith.ApplicationModule;
