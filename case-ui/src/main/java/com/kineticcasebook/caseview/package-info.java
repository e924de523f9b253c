/** Reading cases through the JSON API: the caseload list and a single case. */
package com.kineticcasebook.caseview;
