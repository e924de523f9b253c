/**
 * The one error mapper: every 4xx and 5xx of the JSON API as RFC 9457 problem+json.
 */
@ApplicationModule(displayName = "Problems", allowedDependencies = {})
package com.kineticcasebook.problem;

import org.springframework.modulith.ApplicationModule;
