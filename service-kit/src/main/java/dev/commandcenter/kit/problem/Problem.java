package dev.commandcenter.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem detail, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Problem types are stable URIs under this prefix, e.g. {@code .../not-found}. */
    public static final String TYPE_PREFIX = "https://command-center.dev/problems/";

    /** One invalid field of the request: its path in the body or the parameter name, and why. */
    public record FieldError(String field, String message) {
    }
}
