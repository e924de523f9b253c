/** The access log: every read and change of clinical data, allowed or refused, kept append-only for auditors. */
package com.kineticcasebook.accesslog;
