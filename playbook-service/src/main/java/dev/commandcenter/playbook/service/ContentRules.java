package dev.commandcenter.playbook.service;

import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.kit.problem.Problem.FieldError;
import dev.commandcenter.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a playbook's whole content after every change: the contract's limits (so that adding
 * the 201st step fails like a request with 201 steps would) and the rules across fields.
 */
@ApplicationScoped
public class ContentRules {
    private final Validator validator;

    public ContentRules(Validator validator) {
        this.validator = validator;
    }

    public PlaybookContent check(PlaybookContent content) {
        Set<ConstraintViolation<PlaybookContent>> violations = validator.validate(content);
        if (!violations.isEmpty()) {
            throw ProblemException.violations(violations, "");
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < content.stages().size(); i++) {
            PlaybookContent.Stage stage = content.stages().get(i);
            if (!ids.add(stage.id())) {
                errors.add(new FieldError("stages[" + i + "].id", "is used more than once"));
            }
            for (int j = 0; j < stage.steps().size(); j++) {
                if (!ids.add(stage.steps().get(j).id())) {
                    errors.add(new FieldError("stages[" + i + "].steps[" + j + "].id", "is used more than once"));
                }
            }
        }
        Set<PlaybookContent.StatusPhase> phases = new HashSet<>();
        for (int i = 0; i < content.statusTemplates().size(); i++) {
            if (!phases.add(content.statusTemplates().get(i).phase())) {
                errors.add(new FieldError("statusTemplates[" + i + "].phase", "has a template already"));
            }
        }
        if (content.roles().stream().filter(PlaybookContent.Role::commander).count() > 1) {
            errors.add(new FieldError("roles", "only one role can be the commander"));
        }
        Set<String> levels = new HashSet<>();
        for (int i = 0; i < content.severities().size(); i++) {
            if (!levels.add(content.severities().get(i).level())) {
                errors.add(new FieldError("severities[" + i + "].level", "is defined more than once"));
            }
        }
        List<String> auto = content.learningFlow().autoEnterSeverities();
        for (int i = 0; i < auto.size(); i++) {
            if (!levels.contains(auto.get(i))) {
                errors.add(new FieldError("learningFlow.autoEnterSeverities[" + i + "]",
                        "is not one of the severities defined in this playbook"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return content;
    }
}
