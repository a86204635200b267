package dev.commandcenter.kit.problem;

import jakarta.validation.ConstraintViolation;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A client-visible failure with its status, stable type and, for bad input, the fields at fault. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not Found", what + " does not exist or is not visible to you",
                List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, List.of());
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, "validation", "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** 400 naming every field at fault, e.g. {@code stages[0].steps[3].title}. */
    public static ProblemException validation(List<Problem.FieldError> errors) {
        List<Problem.FieldError> sorted = errors.stream().sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = sorted.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return new ProblemException(400, "validation", "Invalid request", detail, sorted);
    }

    /** 400 for the violations of a programmatic validation; {@code prefix} is the path of the validated value. */
    public static ProblemException violations(Collection<? extends ConstraintViolation<?>> violations, String prefix) {
        return validation(violations.stream()
                .map(v -> new Problem.FieldError(join(prefix, v.getPropertyPath().toString()), v.getMessage()))
                .toList());
    }

    private static String join(String prefix, String path) {
        return prefix == null || prefix.isEmpty() ? path : path.isEmpty() ? prefix : prefix + "." + path;
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "stale-version", "Precondition Failed", detail, List.of());
    }

    /** Tells the client when to try again (429, 503): the {@code Retry-After} header, in seconds. */
    public ProblemException retryAfter(long seconds) {
        headers.put("Retry-After", Long.toString(seconds));
        return this;
    }

    /** A response header that goes with the problem ({@code WWW-Authenticate}, {@code Retry-After}). */
    public ProblemException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public int status() {
        return status;
    }

    /** The stable problem type (the part after {@link Problem#TYPE_PREFIX}), e.g. {@code not-found}. */
    public String type() {
        return type;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_PREFIX + type, title, status, getMessage(), instance, errors);
    }
}
