package se.nduh.command.access;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.infrastructure.security.AccessPolicy;
import se.nduh.localplatform.testing.AccessMatrix;
import se.nduh.localplatform.testing.RunningServers;

import java.util.stream.Stream;

/** Every command-side row of the access table, for every role of two regions, a coordinator and nobody. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
class AccessMatrixIT {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RunningServers.register(registry);
    }

    @Autowired
    WebTestClient web;

    static Stream<Arguments> cases() {
        return AccessMatrix.cases(AccessPolicy.Side.COMMAND);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void the_table_decides(AccessMatrix.Case check) {
        check.assertOn(web);
    }
}
