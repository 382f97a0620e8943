package se.nduh.localplatform.testing;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.infrastructure.security.AccessPolicy;

import java.util.stream.Stream;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every row of one application's side of the access table ({@link AccessMatrix}), called by every role of two
 * regions, a coordinator, an operator and nobody. Each application runs it by naming its side.
 */
public abstract class AccessMatrixContract {

    @Autowired
    WebTestClient web;

    protected abstract AccessPolicy.Side side();

    @TestFactory
    Stream<DynamicTest> the_table_decides() {
        return AccessMatrix.cases(side()).map(check -> dynamicTest(check.toString(), () -> check.assertOn(web)));
    }
}
