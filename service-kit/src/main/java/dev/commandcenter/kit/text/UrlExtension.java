package dev.commandcenter.kit.text;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code {url:encode(view.q)}} in templates: a query parameter value, percent-encoded (null: empty). */
public final class UrlExtension {
    private UrlExtension() {
    }

    @TemplateExtension(namespace = "url")
    static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
