package com.kineticcasebook.http;

import com.kineticcasebook.patientcase.CanonicalUuid;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request JSON means exactly what it says: a key given twice, a number where text belongs, text
 * where a number or yes/no belongs, or a date written as a day count, an array or a date-time is
 * refused (400) rather than guessed at, and so is an id in any but its canonical 36-character form.
 * A clinical record must not depend on a parser's guess.
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestJson {

  @Bean
  JsonMapperBuilderCustomizer strictJson() {
    return builder -> builder
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .defaultLeniency(false)
        .withCoercionConfig(LogicalType.Textual, config -> config
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Integer, config -> config
            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Float, config -> config
            .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Boolean, config -> config
            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.DateTime, config -> config
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Array, CoercionAction.Fail))
        .addModule(new SimpleModule("iso-dates").addDeserializer(LocalDate.class, new IsoDate()))
        .addModule(new SimpleModule("canonical-ids").addDeserializer(UUID.class, new CanonicalId()));
  }

  /** A clinical date is an ISO date string, 2026-03-14, and nothing else: no day counts, arrays or times. */
  static final class IsoDate extends ValueDeserializer<LocalDate> {
    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
      }
      String text = parser.getString();
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "must be a date such as 2026-03-14");
      }
    }
  }

  /**
   * An id is a string in its 36-character form only: Jackson's own reading also takes 24 characters
   * of base64, and {@link UUID#fromString} short forms such as {@code 1-2-3-4-5}.
   */
  static final class CanonicalId extends ValueDeserializer<UUID> {
    @Override
    public UUID deserialize(JsonParser parser, DeserializationContext context) {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return (UUID) context.handleUnexpectedToken(UUID.class, parser);
      }
      String text = parser.getString();
      if (!CanonicalUuid.isCanonical(text)) {
        return (UUID) context.handleWeirdStringValue(UUID.class, text, "must be a UUID in its 36-character form");
      }
      return UUID.fromString(text);
    }
  }
}
