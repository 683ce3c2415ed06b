package org.learninglog.command.importing;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * File uploads: the servlet container's multipart limits sit above the import's own, so that a
 * file over the limit is refused by the import, naming the field, rather than by the container
 * (the security edge caps the request itself, {@code learninglog.security.max-upload}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportProperties.class)
class ImportConfiguration {

    @Bean
    MultipartConfigElement multipartConfig(ImportProperties properties) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        DataSize above = DataSize.ofBytes(properties.maxFileSize().toBytes() + DataSize.ofMegabytes(1).toBytes());
        factory.setMaxFileSize(above);
        factory.setMaxRequestSize(above);
        return factory.createMultipartConfig();
    }
}
