package se.nduh.localplatform.testing;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integration test of one application over the real servers ({@link RunningServers}): its web server on a
 * random port, a {@code WebTestClient}, and stores of the context's own. Every test class of an application with
 * no other configuration shares one context, so each new test costs its own work, not another start. A class that
 * needs empty stores, or that stops and restarts parts of the application, asks for a context of its own with
 * {@code @TestPropertySource(properties = "nduh.test.context=<its name>")}. Metrics are exported as in a real run
 * (Spring Boot's tests leave them out unless asked), so that the operators' endpoint can be tested.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
@AutoConfigureObservability(tracing = false)
@ContextConfiguration(initializers = RunningServers.ContextInitializer.class)
public @interface PlatformIT {
}
