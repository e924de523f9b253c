/** Cross-cutting HTTP concerns: correlation ids and request size limits. */
package com.kineticcasebook.http;
