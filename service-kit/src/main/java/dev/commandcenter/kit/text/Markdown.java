package dev.commandcenter.kit.text;

import java.util.List;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The limited markdown of step descriptions: bold, italic, strikethrough, inline code and links.
 * No block syntax is parsed, raw HTML is escaped, images show as their text, and link targets
 * other than http(s) and mailto are dropped (commonmark-java's URL sanitizer).
 */
public final class Markdown {
    private static final List<Extension> EXTENSIONS = List.of(StrikethroughExtension.create());
    private static final Parser PARSER = Parser.builder().enabledBlockTypes(Set.of()).extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .extensions(EXTENSIONS).attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (tag.equals("a")) {
                    attributes.put("rel", "nofollow noopener noreferrer");
                }
            }).build();

    private Markdown() {
    }

    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = PARSER.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                Node alt = image.getFirstChild();
                while (alt != null) {
                    Node next = alt.getNext();
                    image.insertBefore(alt);
                    alt = next;
                }
                image.unlink();
            }
        });
        return RENDERER.render(document);
    }
}
