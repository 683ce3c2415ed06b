package org.learninglog.launcher;

import org.learninglog.web.WebPages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The web UI's pages at their addresses, each rendered in the one frame and under the pages' Content-Security-Policy. */
@LearningLogIntegrationTest
class WebPagesOverHttpTest {

    @Autowired
    TestRestTemplate http;

    private ResponseEntity<String> page(String path) {
        return http.getForEntity(path, String.class);
    }

    @Test
    void every_page_template_is_served_at_its_address_in_the_frame() {
        assertThat(WebPages.names()).hasSizeGreaterThanOrEqualTo(15).contains("index", "journey", "sign-in");
        for (String name : WebPages.names()) {
            ResponseEntity<String> page = page("/" + name + ".html");
            assertThat(page.getStatusCode()).as(name).isEqualTo(HttpStatus.OK);
            assertThat(page.getHeaders().getContentType()).as(name).isNotNull();
            assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).as(name).isTrue();
            assertThat(page.getBody()).as(name).contains("<html lang=\"en-GB\">", "<a class=\"skip-link\" href=\"#main\">",
                    "<main id=\"main\" tabindex=\"-1\">", "<footer class=\"site-footer\">").doesNotContain("th:");
            assertThat(page.getHeaders().getFirst("Content-Security-Policy")).as(name).startsWith("default-src 'self';");
        }
    }

    @Test
    void the_front_door_is_the_programme_home_and_sign_in_its_form() {
        assertThat(page("/").getBody()).contains("<title>Home – Learning Log</title>", "src=\"/js/pages/home.js\"");
        assertThat(page("/sign-in").getBody()).contains("<title>Sign in – Learning Log</title>", "id=\"sign-in-form\"");
    }

    @Test
    void an_address_with_no_page_is_not_found() {
        assertThat(page("/no-such-page.html").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page("/layout.html").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
