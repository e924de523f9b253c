/**
 * What every web page shares: the page stereotype, error pages, unmatched paths and form error messages.
 */
@ApplicationModule(displayName = "Pages", allowedDependencies = {"problem"})
package com.kineticcasebook.pages;

import org.springframework.modulith.ApplicationModule;
