/** The one error mapper: every 4xx and 5xx of the JSON API as RFC 9457 problem+json. */
package com.kineticcasebook.problem;
