package org.learninglog.security.config;

import java.net.URI;
import org.learninglog.security.edge.ErrorPage;
import org.learninglog.security.edge.HostileJson;
import org.learninglog.security.edge.PublicAddress;
import org.learninglog.security.edge.RequestIdInProblems;
import org.learninglog.security.edge.RequestIds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.server.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What every request meets before and around sign-in, on either side: its id, its public address,
 * the checks on hostile bodies, same-site cookies, and problem+json for whatever goes wrong.
 */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    /** First of all filters, so that even a refusal at the edge names its request. */
    @Bean
    FilterRegistrationBean<RequestIds> requestIds() {
        FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Problem+json for whatever reaches the container's error page (replaces Spring Boot's JSON error body). */
    @Bean
    ErrorPage errorPage() {
        return new ErrorPage();
    }

    @Bean
    RequestIdInProblems requestIdInProblems() {
        return new RequestIdInProblems();
    }

    @Bean
    HostileJson hostileJson(SecurityProperties properties) {
        return new HostileJson(properties.maxBody().toBytes());
    }

    /** Ahead of Spring Security, so that nothing it or the controllers build can carry a forged host. */
    @Bean
    FilterRegistrationBean<PublicAddress> publicAddress(@Value("${learninglog.public-url:}") String publicUrl) {
        FilterRegistrationBean<PublicAddress> registration = new FilterRegistrationBean<>(
                new PublicAddress(publicUrl.isBlank() ? null : URI.create(publicUrl.replaceAll("/+$", ""))));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Session and CSRF cookies are not sent along with requests that other sites start. */
    @Bean
    CookieSameSiteSupplier sameSiteLax() {
        return CookieSameSiteSupplier.ofLax();
    }
}
