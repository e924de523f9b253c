/** The SHA-256 hash chain over each case's stored events, and the SHA-256 helper it and the application use. */
package com.kineticcasebook.integrity;
