package dev.commandcenter.playbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormTreeTest {

    @Test
    void buildsTheNestedShapeFromIndexedNamesKeepingOrderAcrossGaps() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("title", List.of("Outage"));
        form.put("stages[3].title", List.of("Later"));
        form.put("stages[0].title", List.of("First"));
        form.put("stages[0].steps[10].title", List.of("B"));
        form.put("stages[0].steps[2].title", List.of("A"));
        form.put("incidentCriteria[1]", List.of("two"));
        form.put("incidentCriteria[0]", List.of("one"));
        form.put("learningFlow.autoEnterSeverities[]", List.of("SEV1", "SEV2"));
        form.put("learningFlow.optOutAllowed", List.of("true"));
        form.put("not a field!", List.of("ignored"));

        assertThat(FormTree.of(form).toString()).isEqualTo("{\"incidentCriteria\":[\"one\",\"two\"],"
                + "\"learningFlow\":{\"autoEnterSeverities\":[\"SEV1\",\"SEV2\"],\"optOutAllowed\":\"true\"},"
                + "\"stages\":[{\"steps\":[{\"title\":\"A\"},{\"title\":\"B\"}],\"title\":\"First\"},"
                + "{\"title\":\"Later\"}],\"title\":\"Outage\"}");
    }
}
