package dev.commandcenter.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one set of exception mappers every service uses: each error becomes
 * {@code application/problem+json} with a stable type, a title, a detail and field errors, and
 * never a stack trace. Database errors a request can cause answer 409/400; unexpected failures are
 * logged with an id that the response repeats.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException e, UriInfo uri) {
        RestResponse.ResponseBuilder<Problem> response = RestResponse.ResponseBuilder.<Problem>create(e.status())
                .entity(e.toProblem(path(uri))).header("Content-Type", Problem.MEDIA_TYPE);
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem(Problem.TYPE_PREFIX + "validation", "Invalid request", 400, detail, path(uri),
                errors));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[") : "";
        String detail = "The request body is not valid JSON for this operation"
                + (field.isEmpty() ? "" : " (at " + field + ")");
        List<Problem.FieldError> errors = field.isEmpty() ? List.of()
                : List.of(new Problem.FieldError(field, "has the wrong type or format"));
        return respond(new Problem(Problem.TYPE_PREFIX + "malformed-body", "Malformed request body", 400, detail,
                path(uri), errors));
    }

    /** Takes precedence over Quarkus' built-in mapper for the same exception. */
    @ServerExceptionMapper
    public RestResponse<Problem> mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_PREFIX + "unauthenticated", "Unauthorized", 401,
                "A valid bearer token is required", path(uri), List.of()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(null, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_PREFIX + "forbidden", "Forbidden", 403,
                "You are not allowed to do this", path(uri), List.of()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadableBody) {
            return unreadable(unreadableBody, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType != null ? statusType.getReasonPhrase() : "Error";
        String slug = title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        return respond(new Problem(Problem.TYPE_PREFIX + slug, title, status, e.getMessage(), path(uri), List.of()));
    }

    /**
     * Anything not mapped above: a database error the request caused (see {@link DatabaseRejections})
     * becomes the client's 409/400, logged briefly; everything else is a 500 with an error id.
     */
    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e, UriInfo uri) {
        Optional<DatabaseRejections.Rejection> rejected = DatabaseRejections.of(e);
        if (rejected.isPresent()) {
            DatabaseRejections.Rejection rejection = rejected.get();
            LOG.infof("Database rejected %s with SQLState %s, answered %d: %s", path(uri), rejection.sqlState(),
                    rejection.status(), rootMessage(e));
            return respond(rejection.toProblem(path(uri)));
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", errorId, path(uri));
        return respond(new Problem(Problem.TYPE_PREFIX + "internal", "Internal Server Error", 500,
                "Something went wrong on our side; quote error id " + errorId + " when reporting it", path(uri),
                List.of()));
    }

    private static RestResponse<Problem> respond(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem>create(problem.status())
                .entity(problem)
                .header("Content-Type", Problem.MEDIA_TYPE).build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 16; depth++) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    /** {@code create.request.title} (method, parameter, property) becomes {@code title}. */
    static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }
}
