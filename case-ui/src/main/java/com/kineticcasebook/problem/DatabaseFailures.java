package com.kineticcasebook.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Recognises "the database cannot be reached" under the wrappers of Axon, Spring and Spring Security. */
public final class DatabaseFailures {

  private DatabaseFailures() {}

  public static boolean isUnavailable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
          || cause instanceof SQLTransientConnectionException || cause instanceof ConnectException
          || (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
        return true;
      }
    }
    return false;
  }
}
