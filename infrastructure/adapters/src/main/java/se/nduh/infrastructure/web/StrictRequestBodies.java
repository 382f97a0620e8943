package se.nduh.infrastructure.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.Jackson2JsonDecoder;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Request bodies are read strictly: a field the request does not have is refused ({@code 400}, naming it), not
 * silently dropped, so a misspelt optional field cannot go unnoticed. Only the HTTP decoder is strict: the shared
 * mapper, which also reads stored events, keeps ignoring fields it does not know.
 */
@Configuration(proxyBeanMethods = false)
public class StrictRequestBodies implements WebFluxConfigurer {

    private final ObjectMapper json;

    public StrictRequestBodies(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void configureHttpMessageCodecs(ServerCodecConfigurer codecs) {
        codecs.defaultCodecs().jackson2JsonDecoder(new Jackson2JsonDecoder(json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)));
    }
}
