package org.learninglog.security.api;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.jackson.ModelResolver;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The API's description as clients read it at {@code /v3/api-docs}, whichever side serves it: the
 * words of every operation come from {@code learninglog-api.yml}, and what every operation shares
 * (sign-in, problems, content types, created resources) is added here once rather than on each
 * controller.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class ApiDescriptionAutoConfiguration {

    @Bean
    ApiCatalogue apiCatalogue() {
        return ApiCatalogue.load("learninglog-api.yml");
    }

    @Bean
    OpenApiCustomizer learningLogApiDescription(ApiCatalogue catalogue) {
        return openApi -> {
            new ApiFrame(catalogue).applyTo(openApi);
            new OperationAnswers(catalogue).applyTo(openApi);
        };
    }

    /** Schemas named for what they are: two controllers' {@code Registered} answers are not one schema. */
    @Bean
    ModelConverter featureTypeNames(ObjectMapperProvider mappers) {
        return new ModelResolver(mappers.jsonMapper(), new FeatureTypeNames());
    }
}
