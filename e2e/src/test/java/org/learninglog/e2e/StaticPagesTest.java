package org.learninglog.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI's files keep to what the pages' Content-Security-Policy allows and never turn data
 * into markup; checked on the sources (each page rendered with its frame, as the launcher serves
 * it), so it runs everywhere (no browser needed).
 */
class StaticPagesTest {

    private static final Path RESOURCES = Path.of("").toAbsolutePath().getParent().resolve("web-ui/src/main/resources");
    private static final Path STATIC = RESOURCES.resolve("static");
    private static final Path PAGES = RESOURCES.resolve("templates/pages");

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER_ATTRIBUTE = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern ELSEWHERE = Pattern.compile("(src|href)\\s*=\\s*\"(https?:)?//", Pattern.CASE_INSENSITIVE);
    private static final Pattern PAGE_SCRIPT = Pattern.compile("<script type=\"module\" src=\"/(js/pages/[a-z-]+\\.js)\"></script>");
    private static final Pattern MARKUP_FROM_DATA = Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\(|new Function\\(");

    /** Redoc's bundle, vendored from npm as it is published: the API reference page's, not ours to hold to these rules. */
    private static final Path VENDORED = STATIC.resolve("api-docs");

    private static List<Path> files(String extension) throws IOException {
        try (Stream<Path> walk = Files.walk(STATIC)) {
            return walk.filter(file -> file.toString().endsWith(extension) && !file.startsWith(VENDORED)).sorted().toList();
        }
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> list = Files.list(PAGES)) {
            return list.filter(file -> file.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void pages_have_no_inline_script_style_or_handler_and_load_nothing_from_elsewhere() throws IOException {
        List<Path> pages = pages();
        assertThat(pages).hasSizeGreaterThanOrEqualTo(15);
        List<String> problems = new ArrayList<>();
        for (Path page : pages) {
            String html = PageTemplates.render(page);
            check(problems, page, html, INLINE_SCRIPT, "an inline script");
            check(problems, page, html, STYLE_ATTRIBUTE, "a style attribute");
            check(problems, page, html, HANDLER_ATTRIBUTE, "an on* handler");
            check(problems, page, html, ELSEWHERE, "something from another site");
            if (!html.contains("<html lang=\"en-GB\">") || !html.contains("<main id=\"main\"") || !html.contains("<h1")) {
                problems.add(page.getFileName() + " lacks its language, main landmark or heading");
            }
            var script = PAGE_SCRIPT.matcher(html);
            if (!script.find() || !Files.isRegularFile(STATIC.resolve(script.group(1)))) {
                problems.add(page.getFileName() + " loads no script of its own, or one that is not there");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void scripts_put_data_in_pages_as_text_only() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path script : files(".js")) {
            String source = Files.readString(script);
            check(problems, script, source, MARKUP_FROM_DATA, "markup built from strings");
            check(problems, script, source, Pattern.compile("\\.style\\.|setAttribute\\('style'"), "an inline style");
            check(problems, script, source, Pattern.compile("https?://(?!www\\.w3\\.org/)"), "an address of another site");
        }
        assertThat(problems).isEmpty();
    }

    private static void check(List<String> problems, Path file, String text, Pattern pattern, String what) {
        var match = pattern.matcher(text);
        if (match.find()) {
            problems.add(RESOURCES.relativize(file) + " has " + what + ": " + match.group());
        }
    }
}
