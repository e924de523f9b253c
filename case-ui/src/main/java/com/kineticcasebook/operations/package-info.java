/** Running the read side: projection positions, read-your-writes waits, rebuilds. */
package com.kineticcasebook.operations;
