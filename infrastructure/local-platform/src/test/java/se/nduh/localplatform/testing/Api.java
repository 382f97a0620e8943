package se.nduh.localplatform.testing;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Calls an API as one of the test users, the way a client of the platform would. */
public final class Api {

    private final WebTestClient web;

    public Api(WebTestClient web) {
        this.web = web;
    }

    /** A JSON request as the demo user, e.g. {@code call(POST, "/api/v1/regions/halland/needs", "halland-tjansteperson", body)}. */
    public WebTestClient.ResponseSpec call(HttpMethod method, String path, String user, String body) {
        return web.method(method).uri(path)
                .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(user))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    public WebTestClient.ResponseSpec get(String path, String user) {
        return web.get().uri(path).header(HttpHeaders.AUTHORIZATION, TestUsers.basic(user)).exchange();
    }
}
