package se.nduh.localplatform.testing;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Arrays;
import java.util.OptionalDouble;

/** The metrics as the operators' Prometheus reads them from {@code /actuator/prometheus}, and one series' value. */
public record PrometheusText(String text) {

    public static final String PATH = "/actuator/prometheus";

    /** Scraped as the operator {@code drift-1}. */
    public static PrometheusText scrape(WebTestClient web) {
        String text = new Api(web).get(PATH, "drift-1").expectStatus().isEqualTo(HttpStatus.OK)
                .expectBody(String.class).returnResult().getResponseBody();
        return new PrometheusText(text);
    }

    /** The value of the first series of the metric that carries every label given ({@code name="value"}). */
    public OptionalDouble value(String metric, String... labels) {
        return text.lines()
                .filter(line -> line.startsWith(metric + "{") && Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }
}
