package dev.commandcenter.kit.web;

import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

/** Post/redirect/get for the backstage forms. */
public final class Redirects {
    private Redirects() {
    }

    /** 303 to a path on this origin (the gateway maps it back to its own origin). */
    public static RestResponse<String> seeOther(String location) {
        return RestResponse.ResponseBuilder.<String>create(RestResponse.Status.SEE_OTHER)
                .location(URI.create(location)).build();
    }
}
