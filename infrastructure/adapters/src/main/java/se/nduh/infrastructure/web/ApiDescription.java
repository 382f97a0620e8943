package se.nduh.infrastructure.web;

import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import se.nduh.kernel.rule.Rule;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The OpenAPI description of a side ({@code /v3/api-docs}), listing every business rule code a problem can
 * name, and the same list as data at {@code GET /api/v1/rules}.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDescription {

    public record RuleDescription(String code, String kind, String description) {
    }

    @Bean
    OpenApiCustomizer ruleCodes(@Value("${spring.application.name}") String application) {
        String table = Arrays.stream(Rule.values())
                .map(rule -> "| `" + rule.name() + "` | " + rule.kind() + " | " + rule.description() + " |")
                .collect(Collectors.joining("\n", "| rule | kind | description |\n|---|---|---|\n", "\n"));
        return openApi -> openApi.info(new Info().title(application).version("v1")
                        .description("Errors are RFC 9457 problems (application/problem+json). A broken business rule "
                                + "names its code in `rule` and the field in `field`:\n\n" + table))
                .addExtension("x-rule-codes", rules());
    }

    @RestController
    static class RuleController {

        @GetMapping("/api/v1/rules")
        List<RuleDescription> rules() {
            return ApiDescription.rules();
        }
    }

    static List<RuleDescription> rules() {
        return Arrays.stream(Rule.values()).map(rule -> new RuleDescription(rule.name(), rule.kind().name(), rule.description())).toList();
    }
}
