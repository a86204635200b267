package dev.commandcenter.kit.text;

import java.util.List;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.ThematicBreak;
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
    private static final Parser DOCUMENT_PARSER = Parser.builder().enabledBlockTypes(Set.of(Heading.class,
            ListBlock.class, BlockQuote.class, FencedCodeBlock.class, ThematicBreak.class)).extensions(EXTENSIONS)
            .build();
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
        return render(PARSER, markdown);
    }

    /**
     * A whole document (a retrospective, say): the same inline styles and the same safety, plus
     * headings, lists, block quotes, fenced code and rules. Raw HTML is still escaped.
     */
    public static String documentToHtml(String markdown) {
        return render(DOCUMENT_PARSER, markdown);
    }

    private static String render(Parser parser, String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = parser.parse(markdown);
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
