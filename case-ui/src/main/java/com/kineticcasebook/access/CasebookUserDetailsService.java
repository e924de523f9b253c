package com.kineticcasebook.access;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads users for form login and for the token endpoint's password check. */
@Service
class CasebookUserDetailsService implements UserDetailsService {

  private final UserDirectory users;

  CasebookUserDetailsService(UserDirectory users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    return users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
  }
}
