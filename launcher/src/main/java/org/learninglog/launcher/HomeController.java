package org.learninglog.launcher;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front door is the web UI's programme home ({@code static/index.html}); the API's pages stay at /swagger-ui.html. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "forward:/index.html";
    }
}
