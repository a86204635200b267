package dev.commandcenter.contracts;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link NoControlCharacters}; also usable without Bean Validation through {@link #isPlainText}. */
public class NoControlCharactersValidator implements ConstraintValidator<NoControlCharacters, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return isPlainText(value);
    }

    /** True for null and for text whose only control characters are LF, tab and CR before LF. */
    public static boolean isPlainText(CharSequence value) {
        if (value == null) {
            return true;
        }
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\t') {
                continue;
            }
            if (c == '\r' && i + 1 < length && value.charAt(i + 1) == '\n') {
                continue;
            }
            if (Character.getType(c) == Character.CONTROL) {
                return false;
            }
        }
        return true;
    }
}
