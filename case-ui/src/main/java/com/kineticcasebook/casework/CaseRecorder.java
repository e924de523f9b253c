package com.kineticcasebook.casework;

import com.kineticcasebook.access.CasebookUser;
import com.kineticcasebook.eventstore.CaseCommandSender;
import com.kineticcasebook.eventstore.EventMetadata;
import com.kineticcasebook.eventstore.RecordedPosition;
import com.kineticcasebook.idempotency.IdempotencyRecords;
import com.kineticcasebook.idempotency.RecentEntries;
import com.kineticcasebook.integrity.Sha256;
import com.kineticcasebook.operations.ReadConsistency;
import com.kineticcasebook.patientcase.CaseRuleViolation;
import com.kineticcasebook.patientcase.InvalidCommandException;
import com.kineticcasebook.projections.ProcessingGroups;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sends a form's command and, once it is recorded, waits until the case page's read model has it:
 * the clinician is redirected to the page and must see their own entry there.
 *
 * <p>A form is recorded once however often it arrives (ADR 0016). Each rendered form carries a
 * key ({@link #KEY_PARAMETER}) that is claimed like the API's {@code Idempotency-Key}, in the
 * transaction of the events: the same rendered form sent twice is recorded once. The browser's
 * Back renders the form afresh, with a new key, so the same entry (the same address and values)
 * from the same user within {@link #WINDOW} is recognised as well. Either way the repeat records
 * nothing and is sent to where the first entry is shown ({@link FormInput#recordedBefore()}).
 */
@Component
class CaseRecorder {

  /** The form field holding the key of one rendered form. */
  static final String KEY_PARAMETER = "idempotencyKey";

  /** How long the same entry sent again counts as a repeat rather than a new entry. */
  static final Duration WINDOW = Duration.ofMinutes(2);

  private final CaseCommandSender sender;
  private final ReadConsistency consistency;
  private final TransactionTemplate transactions;
  private final IdempotencyRecords keys;
  private final RecentEntries entries;
  private final Clock clock;

  CaseRecorder(CaseCommandSender sender, ReadConsistency consistency, TransactionTemplate transactions,
      IdempotencyRecords keys, RecentEntries entries, Clock clock) {
    this.sender = sender;
    this.consistency = consistency;
    this.transactions = transactions;
    this.keys = keys;
    this.entries = entries;
    this.clock = clock;
  }

  /** One command of a form that records several, and the prefix of its fields on the form ("injuries[1]."). */
  record Part(String prefix, Object command) {}

  /**
   * Returns where the command's event landed, or null when nothing was recorded: the input or the
   * case refused it (the reasons are then in {@code input}), or it was recorded before
   * ({@link FormInput#recordedBefore()} says where it is shown).
   */
  RecordedPosition record(String caseId, FormInput input, Object command) {
    if (command == null) {
      // The case would refuse a future date too; saying so now gives every problem in one pass.
      input.notAfter(LocalDate.now(clock));
      return null;
    }
    return record(caseId, input, java.util.List.of(new Part("", command)), "/cases/" + caseId);
  }

  /**
   * Records the commands of one form all or none, in one transaction with the form's key, as
   * {@link #record(String, FormInput, Object)} records one: a step of the first visit that adds
   * several injuries at once. A null command is a part whose text could not be read (its reasons
   * are in {@code input} already); then, as when any part lists violations of its own, nothing is
   * sent and every part's problems are given at once, under its prefix. {@code location} is where
   * the entry is shown, where a repeat of it is sent.
   */
  RecordedPosition record(String caseId, FormInput input, java.util.List<Part> parts, String location) {
    boolean complete = input.errors().isEmpty();
    if (parts.size() > 1 || parts.stream().anyMatch(part -> part.command() == null)) {
      for (Part part : parts) {
        if (part.command() == null) {
          complete = false;
        } else if (part.command() instanceof com.kineticcasebook.patientcase.CaseCommand command
            && !command.violations().isEmpty()) {
          input.add(part.prefix(), command.violations());
          complete = false;
        }
      }
    }
    if (!complete) {
      input.notAfter(LocalDate.now(clock));
      return null;
    }
    HttpServletRequest request = currentRequest();
    UUID user = currentUser();
    if (request == null || user == null) {
      return send(caseId, input, parts);
    }
    String fingerprint = fingerprint(request);
    String key = IdempotencyRecords.valid(request.getParameter(KEY_PARAMETER)) ? request.getParameter(KEY_PARAMETER)
        : null;
    RecordedPosition position = transactions.execute(tx -> {
      if (key != null) {
        Optional<IdempotencyRecords.Earlier> earlier = keys.claim(user, key, fingerprint);
        if (earlier.isPresent()) {
          if (earlier.get().requestHash().equals(fingerprint)) {
            input.recordedBefore(earlier.get().location());
          } else {
            input.refuse("This form was already sent with other values, so nothing was recorded. "
                + "Check the case and send it again.");
          }
          return null;
        }
      }
      Optional<String> recent = entries.claim(user, fingerprint, location, WINDOW);
      if (recent.isPresent()) {
        tx.setRollbackOnly();
        input.recordedBefore(recent.get());
        return null;
      }
      if (key != null) {
        request.setAttribute(EventMetadata.IDEMPOTENCY_KEY_ATTRIBUTE, key);
      }
      RecordedPosition sent = sendOrRefuse(caseId, input, parts);
      if (sent == null) {
        tx.setRollbackOnly();
      } else if (key != null) {
        keys.complete(user, key, HttpStatus.FOUND.value(), null, location, sent.globalIndex(), null);
      }
      return sent;
    });
    if (position != null) {
      consistency.awaitPosition(position.globalIndex(), ProcessingGroups.CASE_VIEWS);
    }
    return position;
  }

  private RecordedPosition send(String caseId, FormInput input, java.util.List<Part> parts) {
    RecordedPosition position = transactions.execute(tx -> {
      RecordedPosition sent = sendOrRefuse(caseId, input, parts);
      if (sent == null) {
        tx.setRollbackOnly();
      }
      return sent;
    });
    if (position != null) {
      consistency.awaitPosition(position.globalIndex(), ProcessingGroups.CASE_VIEWS);
    }
    return position;
  }

  /**
   * Sends the parts in order; each refused part's problems are kept under its prefix and the
   * others still sent, so that the case's rules of every part are said at once. Null when any was
   * refused: the caller's transaction is then rolled back, with the events of the parts it took.
   */
  private RecordedPosition sendOrRefuse(String caseId, FormInput input, java.util.List<Part> parts) {
    RecordedPosition last = null;
    boolean refused = false;
    for (Part part : parts) {
      try {
        last = sender.send(caseId, part.command());
      } catch (InvalidCommandException invalid) {
        input.add(part.prefix(), invalid.violations());
        refused = true;
      } catch (CaseRuleViolation rule) {
        input.refuse(rule.getMessage());
        refused = true;
      }
    }
    return refused ? null : last;
  }

  /**
   * What the form sent: its address and every value but the session's CSRF token and the
   * rendered form's key, which differ between two sendings of the same entry.
   */
  static String fingerprint(HttpServletRequest request) {
    StringBuilder sent = new StringBuilder(request.getMethod()).append(' ').append(request.getRequestURI());
    Map<String, String[]> values = new TreeMap<>(request.getParameterMap());
    values.remove(KEY_PARAMETER);
    values.remove("_csrf");
    values.forEach((name, texts) -> {
      for (String text : texts) {
        sent.append('\n').append(encode(name)).append('=').append(encode(text));
      }
    });
    return Sha256.hex(sent.toString());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static HttpServletRequest currentRequest() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
        ? attributes.getRequest() : null;
  }

  private static UUID currentUser() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof CasebookUser user ? user.id() : null;
  }
}
