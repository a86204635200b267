package dev.commandcenter.playbook.ui;

import io.quarkus.qute.TemplateExtension;

/** Small helpers for the backstage templates. */
public final class PageExtensions {
    private PageExtensions() {
    }

    /** {@code {pb:item('stages',0)}} is {@code stages[0]}: form field names match validation error paths. */
    @TemplateExtension(namespace = "pb")
    static String item(String list, int index) {
        return list + "[" + index + "]";
    }

    /** {@code {pb:field('stages[0]','title')}} is {@code stages[0].title}. */
    @TemplateExtension(namespace = "pb")
    static String field(String base, String name) {
        return base + "." + name;
    }
}
