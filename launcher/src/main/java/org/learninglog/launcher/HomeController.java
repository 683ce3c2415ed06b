package org.learninglog.launcher;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Until there is a web UI, the front door leads to the API's own pages. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "redirect:/swagger-ui.html";
    }
}
