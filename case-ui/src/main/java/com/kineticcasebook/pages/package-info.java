/** What every web page shares: the start page per role, error pages and form error messages. */
package com.kineticcasebook.pages;
