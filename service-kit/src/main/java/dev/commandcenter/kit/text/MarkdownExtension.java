package dev.commandcenter.kit.text;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;

/** {@code {step.description.markdown}} in any service's templates: the limited markdown as safe HTML. */
public final class MarkdownExtension {
    private MarkdownExtension() {
    }

    @TemplateExtension
    static RawString markdown(String text) {
        return new RawString(Markdown.toHtml(text));
    }
}
