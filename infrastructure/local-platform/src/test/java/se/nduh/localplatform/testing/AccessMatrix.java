package se.nduh.localplatform.testing;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.nduh.infrastructure.security.AccessPolicy.Row;
import se.nduh.infrastructure.security.AccessPolicy.Scope;
import se.nduh.infrastructure.security.AccessPolicy;
import se.nduh.infrastructure.security.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roles × regions × endpoints matrix, read from {@link AccessPolicy#TABLE}: each row of a side is called
 * by every role of the path's region (halland) and of another region (skane), by a coordinator, an operator and without
 * credentials. Allowed means the request passes the security chain (any answer but 401 and 403).
 */
public final class AccessMatrix {

    private static final String REGION = "halland";
    private static final String OTHER_REGION = "skane";
    private static final String COORDINATOR = "samordnare-1";
    private static final String OPERATOR = "drift-1";
    private static final List<Role> REGION_ROLES = List.of(Role.FORTROENDEVALD, Role.TJANSTEPERSON, Role.UTFORARE, Role.REVISOR);

    private AccessMatrix() {
    }

    public record Case(Row row, String username, Role role, String userRegion) {

        /** What the table implies for this caller, worked out here from the row's own fields. */
        HttpStatus expected() {
            if (row.scope() == Scope.PUBLIC) {
                return HttpStatus.OK;
            }
            if (username == null) {
                return HttpStatus.UNAUTHORIZED;
            }
            boolean hasRole = row.roles().contains(role);
            boolean regionFits = row.scope() == Scope.NETWORK || REGION.equals(userRegion);
            return hasRole && regionFits ? HttpStatus.OK : HttpStatus.FORBIDDEN;
        }

        public void assertOn(WebTestClient web) {
            String path = row.path().replace("{region}", REGION).replace("/**", "").replaceAll("\\{[a-zA-Z]+}", "x-1");
            WebTestClient.RequestBodySpec request = web.method(row.method()).uri(path);
            if (username != null) {
                request.header(HttpHeaders.AUTHORIZATION, TestUsers.basic(username));
            }
            WebTestClient.RequestHeadersSpec<?> ready = row.method().name().equals("GET")
                    ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
            int status = ready.exchange().returnResult(String.class).getStatus().value();
            switch (expected()) {
                case OK -> assertThat(status).as("allowed: neither 401 nor 403").isNotIn(401, 403);
                case UNAUTHORIZED -> assertThat(status).isEqualTo(401);
                default -> assertThat(status).isEqualTo(403);
            }
        }

        @Override
        public String toString() {
            return row.method() + " " + row.path() + " as " + (username == null ? "nobody" : username) + " → " + expected();
        }
    }

    public static Stream<Case> cases(AccessPolicy.Side side) {
        List<Case> cases = new ArrayList<>();
        for (Row row : AccessPolicy.TABLE) {
            if (row.side() != side && row.side() != AccessPolicy.Side.BOTH) {
                continue;
            }
            for (String region : List.of(REGION, OTHER_REGION)) {
                for (Role role : REGION_ROLES) {
                    cases.add(new Case(row, region + "-" + role.code(), role, region));
                }
            }
            cases.add(new Case(row, COORDINATOR, Role.SAMORDNARE, null));
            cases.add(new Case(row, OPERATOR, Role.DRIFT, null));
            cases.add(new Case(row, null, null, null));
        }
        return cases.stream();
    }
}
