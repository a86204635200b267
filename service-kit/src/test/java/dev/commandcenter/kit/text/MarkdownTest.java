package dev.commandcenter.kit.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void rendersTheLimitedInlineStyles() {
        assertThat(Markdown.toHtml("**b** _i_ ~~s~~ `c` [l](https://x.test/a?b=1)"))
                .isEqualTo("<p><strong>b</strong> <em>i</em> <del>s</del> <code>c</code> "
                        + "<a rel=\"nofollow noopener noreferrer\" href=\"https://x.test/a?b=1\">l</a></p>\n");
    }

    @Test
    void keepsEverythingElseAsEscapedText() {
        assertThat(Markdown.toHtml("<script>alert(1)</script>")).isEqualTo(
                "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
        assertThat(Markdown.toHtml("# not a heading\n- not a list")).doesNotContain("<h1>", "<li>");
        assertThat(Markdown.toHtml("![alt text](https://x.test/i.png)")).isEqualTo("<p>alt text</p>\n");
        assertThat(Markdown.toHtml("[x](javascript:alert(1)) [y](data:text/html,hi)"))
                .doesNotContain("javascript:").doesNotContain("data:");
        assertThat(Markdown.toHtml(null)).isEmpty();
    }

    @Test
    void documentsAlsoHaveHeadingsListsAndQuotesButStillNoHtml() {
        String html = Markdown.documentToHtml("# Title\n\n- one\n- **two**\n\n> quoted\n\n<b>raw</b>");
        assertThat(html).contains("<h1>Title</h1>", "<li>one</li>", "<li><strong>two</strong></li>",
                "<blockquote>", "&lt;b&gt;raw&lt;/b&gt;").doesNotContain("<b>");
        assertThat(Markdown.documentToHtml("[x](javascript:alert(1))")).doesNotContain("javascript:");
    }
}
