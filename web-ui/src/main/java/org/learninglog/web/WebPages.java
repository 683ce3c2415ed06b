package org.learninglog.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.learninglog.security.config.SecurityProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The web UI's pages: each template in {@code templates/pages/} is served at {@code /<name>.html}
 * (and {@code index} at {@code /} too), rendered with the one frame in {@code templates/layout.html}.
 * Thymeleaf rather than pages written by a generator: the frame exists once, in the build's own
 * sources, and no generated file has to be kept in step with it. Scripts, styles and data stay
 * static files; a page template holds only markup, and learns one thing from the server: whether
 * people sign in at an identity provider ({@code signInAtProvider}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebPages implements WebMvcConfigurer {

    public static final String TEMPLATES = "classpath:/templates/pages/*.html";

    private final boolean signInAtProvider;

    WebPages(SecurityProperties security) {
        this.signInAtProvider = security.webSignInByOidc();
    }

    /** The one thing a page is told: whether people sign in at an identity provider (the invitation page differs). */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
                if (page != null) {
                    page.addObject("signInAtProvider", signInAtProvider);
                }
            }
        });
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        for (String page : names()) {
            registry.addViewController("/" + page + ".html").setViewName("pages/" + page);
        }
        // The front door is the programme home; the API's own pages stay at /swagger-ui.html.
        registry.addViewController("/").setViewName("pages/index");
    }

    /** The pages' names, from the templates on the class path (so a new template is a new page). */
    public static List<String> names() {
        try {
            Resource[] templates = new PathMatchingResourcePatternResolver().getResources(TEMPLATES);
            return Arrays.stream(templates).map(Resource::getFilename).filter(Objects::nonNull)
                    .map(name -> name.substring(0, name.length() - ".html".length())).sorted().toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Could not list the page templates " + TEMPLATES, unreadable);
        }
    }
}
