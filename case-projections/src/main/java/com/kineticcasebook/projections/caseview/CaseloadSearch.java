package com.kineticcasebook.projections.caseview;

import com.kineticcasebook.caseload.CaseView;
import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.Condition;
import com.kineticcasebook.reference.ConditionCatalogue;
import com.kineticcasebook.reference.Side;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The caseload's search (ADR 0019). Each case keeps stable search codes of its live injuries (its
 * regions, sides with regions, conditions, sides with conditions); a clinician's words are mapped
 * to codes through the reference data's names, so a renamed label never needs a rebuild:
 *
 * <ul>
 *   <li>{@code region:KNEE}, {@code region:LEFT:KNEE}, {@code condition:CALF_STRAIN},
 *       {@code condition:LEFT:CALF_STRAIN} and {@code side:LEFT} for a left knee injury coded as a
 *       calf strain (a bilateral injury carries its codes for the left, the right and both sides);
 *   <li>"knee" means any of the codes of the regions and conditions whose name has a word starting
 *       with it (three letters at least, or the whole word, or its plural): {@code region:KNEE},
 *       {@code condition:KNEE_OSTEOARTHRITIS}; a phrase ("low back", "calf strain") matches names
 *       with those words in a row;
 *   <li>a side word before a region or condition ("left calf", "right hip") narrows it to that side;
 *       alone ("left") it means any injury on that side; "both" and "bilateral" mean both sides;
 *   <li>any other word ("N-00123", "n-001") matches the start of the patient reference, ignoring case.
 * </ul>
 *
 * A case is found when it matches every term.
 */
final class CaseloadSearch {

  /** A term of a search: a case matches it with any of the codes, or by the start of its patient reference. */
  record Term(List<String> codes, String patientRefPrefix) {
    static Term codes(Set<String> codes) {
      return new Term(List.copyOf(new TreeSet<>(codes)), null);
    }

    static Term reference(String prefix) {
      return new Term(List.of(), prefix);
    }
  }

  private record Named(String code, List<List<String>> names) {}

  private static final Set<String> STOP_WORDS = Set.of("and", "or", "of", "the", "with");
  private static final Map<String, Side> SIDE_WORDS = Map.of("left", Side.LEFT, "right", Side.RIGHT,
      "bilateral", Side.BILATERAL, "both", Side.BILATERAL);
  private static final int LONGEST_PHRASE = 5;

  private static final List<Named> REGIONS = Arrays.stream(BodyRegion.values())
      .map(region -> new Named(region.name(), List.of(words(region.label()), words(region.name()))))
      .toList();
  private static final List<Named> CONDITIONS = ConditionCatalogue.all().stream()
      .map(condition -> new Named(condition.code(), List.of(words(condition.label()), words(condition.code()))))
      .toList();

  private CaseloadSearch() {}

  // ----- the columns a case keeps -----

  /** The search codes of a case's live injuries, sorted and without repeats. */
  static List<String> searchCodes(CaseView view) {
    Set<String> codes = new TreeSet<>();
    for (CaseView.Injury injury : view.injuries()) {
      String region = injury.bodyRegion() == null ? null : injury.bodyRegion().name();
      String condition = injury.conditionCode();
      if (region != null) {
        codes.add("region:" + region);
      }
      if (condition != null) {
        codes.add("condition:" + condition);
      }
      for (Side side : sidesOf(injury.side())) {
        codes.add("side:" + side.name());
        if (region != null) {
          codes.add("region:" + side.name() + ":" + region);
        }
        if (condition != null) {
          codes.add("condition:" + side.name() + ":" + condition);
        }
      }
    }
    return List.copyOf(codes);
  }

  private static List<Side> sidesOf(Side side) {
    if (side == null || side == Side.NOT_APPLICABLE) {
      return List.of();
    }
    return side == Side.BILATERAL ? List.of(Side.LEFT, Side.RIGHT, Side.BILATERAL) : List.of(side);
  }

  /** The condition codes of a case's injuries, space-delimited on both sides so that a code matches whole. */
  static String conditionCodes(CaseView view) {
    String codes = view.injuries().stream()
        .map(CaseView.Injury::conditionCode)
        .filter(code -> code != null)
        .distinct()
        .collect(Collectors.joining(" "));
    return codes.isEmpty() ? "" : " " + codes + " ";
  }

  /**
   * The condition code of the primary injury; null without a hypothesis, and null when the primary
   * injury names no condition (the code is optional), so the injury is found before its code is read.
   */
  static String primaryCondition(CaseView view) {
    return view.injuries().stream()
        .filter(injury -> injury.injuryId().equals(view.primaryInjuryId()))
        .findFirst()
        .map(CaseView.Injury::conditionCode)
        .orElse(null);
  }

  // ----- a clinician's words -----

  /** The terms of a search text, in the order they were typed. */
  static List<Term> terms(String text) {
    List<String> tokens = Arrays.stream(text.strip().split("\\s+"))
        .map(token -> token.replaceAll("^[\"“”'‘’(,;]+|[\"“”'‘’),;.]+$", ""))
        .filter(token -> !token.isEmpty())
        .toList();
    List<Term> terms = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      String token = tokens.get(i);
      String word = word(token);
      if (word == null) {
        terms.add(Term.reference(token.toLowerCase(Locale.ROOT)));
        i++;
        continue;
      }
      Side side = SIDE_WORDS.get(word);
      int from = side == null ? i : i + 1;
      int length = longestPhrase(tokens, from);
      if (length > 0) {
        terms.add(Term.codes(codes(side, phrase(tokens, from, length))));
        i = from + length;
      } else if (side != null) {
        terms.add(Term.codes(Set.of("side:" + side.name())));
        i++;
      } else if (STOP_WORDS.contains(word)) {
        i++;
      } else {
        terms.add(Term.reference(token.toLowerCase(Locale.ROOT)));
        i++;
      }
    }
    return List.copyOf(terms);
  }

  /** Appends the search's condition to a caseload WHERE clause. */
  static void where(String text, StringBuilder where, List<Object> arguments) {
    for (Term term : terms(text)) {
      if (term.patientRefPrefix() != null) {
        where.append(" AND LOWER(patient_ref) LIKE ? ESCAPE '\\'");
        arguments.add(escapeLike(term.patientRefPrefix()) + "%");
      } else {
        where.append(" AND search_codes && ?::text[]");
        arguments.add(term.codes().toArray(String[]::new));
      }
    }
  }

  private static int longestPhrase(List<String> tokens, int from) {
    for (int length = Math.min(LONGEST_PHRASE, tokens.size() - from); length > 0; length--) {
      List<String> phrase = phrase(tokens, from, length);
      if (phrase != null && !phrase.isEmpty() && !SIDE_WORDS.containsKey(phrase.get(0))
          && !STOP_WORDS.contains(phrase.get(0))
          && Stream.concat(REGIONS.stream(), CONDITIONS.stream()).anyMatch(named -> named(named, phrase))) {
        return length;
      }
    }
    return 0;
  }

  /** The words of the tokens, stop words left out; null when a token is not a word. */
  private static List<String> phrase(List<String> tokens, int from, int length) {
    List<String> words = new ArrayList<>();
    for (String token : tokens.subList(from, from + length)) {
      String word = word(token);
      if (word == null) {
        return null;
      }
      if (!STOP_WORDS.contains(word)) {
        words.add(word);
      }
    }
    return words;
  }

  private static Set<String> codes(Side side, List<String> phrase) {
    Set<String> codes = new TreeSet<>();
    String qualifier = side == null ? "" : side.name() + ":";
    REGIONS.stream().filter(named -> named(named, phrase)).forEach(named -> codes.add("region:" + qualifier + named.code()));
    CONDITIONS.stream().filter(named -> named(named, phrase))
        .forEach(named -> codes.add("condition:" + qualifier + named.code()));
    return codes;
  }

  private static boolean named(Named named, List<String> phrase) {
    return named.names().stream().anyMatch(name -> inARow(phrase, name));
  }

  /** Whether the name has words starting with the phrase's words, in a row. */
  private static boolean inARow(List<String> phrase, List<String> name) {
    for (int start = 0; start + phrase.size() <= name.size(); start++) {
      boolean all = true;
      for (int k = 0; k < phrase.size() && all; k++) {
        String typed = phrase.get(k);
        String known = name.get(start + k);
        all = known.equals(typed) || (typed.length() >= 3 && known.startsWith(typed))
            || typed.equals(known + "s") || typed.equals(known + "es");
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /** A token made of letters alone (an apostrophe allowed), lower case and without the apostrophe; else null. */
  private static String word(String token) {
    String word = token.toLowerCase(Locale.ROOT).replace("'", "").replace("’", "");
    return !word.isEmpty() && word.chars().allMatch(Character::isLetter) ? word : null;
  }

  /** The words of a name or code: lower case, apostrophes dropped, split at anything not a letter or digit. */
  private static List<String> words(String name) {
    return Arrays.stream(name.toLowerCase(Locale.ROOT).replace("'", "").split("[^\\p{L}\\p{N}]+"))
        .filter(word -> !word.isEmpty() && !STOP_WORDS.contains(word))
        .toList();
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
