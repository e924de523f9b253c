/** The practice owner's question: did secondary injuries clear after the primary was treated? */
package com.kineticcasebook.outcomes;
