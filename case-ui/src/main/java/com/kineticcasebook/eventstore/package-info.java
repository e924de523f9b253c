/** Where events are stored: Axon's JDBC event and token stores, and the metadata every event carries. */
package com.kineticcasebook.eventstore;
