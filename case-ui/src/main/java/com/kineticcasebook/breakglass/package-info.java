/** Break-glass: reasoned, time-limited read access to a case outside the user's own clinics. */
package com.kineticcasebook.breakglass;
