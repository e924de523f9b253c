/** The auditor's replay of a case: its events as recorded, and its state as of any instant. */
package com.kineticcasebook.audit;
