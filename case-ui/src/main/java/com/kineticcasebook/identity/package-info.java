/** Who is asking: users, roles, clinics and memberships, API tokens, login and the security rules. */
package com.kineticcasebook.identity;
