package dev.commandcenter.contracts;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text a person typed: no control characters (Unicode category Cc, U+0000-U+001F and
 * U+007F-U+009F) except line feed and tab, and carriage return only right before a line feed.
 * CRLF is allowed because browsers submit every line break of a textarea as CRLF (HTML form
 * submission normalises them), so the backstage forms send it; a lone CR is not typed text.
 * Null is valid (combine with {@code @NotNull}/{@code @NotBlank}). Put it on every text field of a
 * request, including list elements: {@code List<@NoControlCharacters String>}.
 */
@Documented
@Constraint(validatedBy = NoControlCharactersValidator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface NoControlCharacters {
    String MESSAGE = "must not contain control characters (only line breaks and tabs are allowed)";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
