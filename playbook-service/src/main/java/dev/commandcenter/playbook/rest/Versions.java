package dev.commandcenter.playbook.rest;

import dev.commandcenter.kit.problem.ProblemException;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** The playbook version as an HTTP entity tag: {@code ETag: "7"} out, {@code If-Match: "7"} in. */
final class Versions {
    private Versions() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names; null when absent or {@code *} (no precondition). */
    static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("If-Match", "must be the ETag of the playbook, such as \"3\"");
        }
    }

    /** Full replacement must say which version it replaces: without it an update could silently overwrite. */
    static Long required(String header) {
        Long version = ifMatch(header);
        if (version == null) {
            throw new ProblemException(428, "precondition-required", "Precondition Required",
                    "Send If-Match with the ETag of the playbook you edited, so a concurrent change is never "
                            + "overwritten", List.of(new dev.commandcenter.kit.problem.Problem.FieldError("If-Match",
                                    "is required")));
        }
        return version;
    }

    static <T> RestResponse<T> ok(T entity, long version) {
        return RestResponse.ResponseBuilder.ok(entity).header("ETag", etag(version)).build();
    }
}
