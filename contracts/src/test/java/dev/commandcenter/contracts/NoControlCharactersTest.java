package dev.commandcenter.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NoControlCharactersTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "Page on-call", "line one\nline two", "col\tcol", "typed in a browser\r\nnext line",
            "Zahlungsausfall – 支付 😀", "\u00a0non-breaking space", "bidi \u200f mark"})
    void acceptsWhatPeopleType(String text) {
        assertThat(NoControlCharactersValidator.isPlainText(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "bell\u0007", "escape \u001b[31m red", "lone\rCR", "ends with CR\r",
            "delete\u007f", "C1 \u0085 next line", "\u009b csi", "form\ffeed", "vertical\u000btab"})
    void refusesControlCharacters(String text) {
        assertThat(NoControlCharactersValidator.isPlainText(text)).isFalse();
    }

    @Test
    void nullIsLeftToNotNull() {
        assertThat(NoControlCharactersValidator.isPlainText(null)).isTrue();
    }

    /** Guards new fields: every text of the playbook's content, list elements included, carries the constraint. */
    @Test
    void everyTextFieldOfPlaybookContentIsConstrained() {
        List<String> unguarded = new ArrayList<>();
        collectUnguarded(PlaybookContent.class, unguarded, new ArrayList<>());
        assertThat(unguarded).isEmpty();
    }

    private static void collectUnguarded(Class<?> type, List<String> unguarded, List<Class<?>> seen) {
        if (!type.isRecord() || seen.contains(type)) {
            return;
        }
        seen.add(type);
        for (RecordComponent component : type.getRecordComponents()) {
            String name = type.getSimpleName() + "." + component.getName();
            if (component.getType() == String.class
                    && !component.getAccessor().isAnnotationPresent(NoControlCharacters.class)
                    && !component.getAnnotatedType().isAnnotationPresent(NoControlCharacters.class)) {
                unguarded.add(name);
            }
            if (component.getAnnotatedType() instanceof AnnotatedParameterizedType list) {
                AnnotatedType element = list.getAnnotatedActualTypeArguments()[0];
                if (element.getType() == String.class && !element.isAnnotationPresent(NoControlCharacters.class)) {
                    unguarded.add(name + "[]");
                }
                if (element.getType() instanceof Class<?> elementClass) {
                    collectUnguarded(elementClass, unguarded, seen);
                }
            }
            if (component.getGenericType() instanceof ParameterizedType) {
                continue;
            }
            collectUnguarded(component.getType(), unguarded, seen);
        }
    }
}
