package se.nduh.query.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import se.nduh.localplatform.testing.PlatformIT;
import se.nduh.localplatform.testing.TestUsers;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in to the pages: the form with its CSRF token, a session (with a new id) that the API accepts, CSRF
 * protection of every change a session asks for, and the API's own clients (HTTP Basic) untouched by either. The
 * command side is not running here: a page's command is answered 503, not lost in a 500.
 */
@PlatformIT
@TestPropertySource(properties = "nduh.command-side.url=http://127.0.0.1:9")
class PageSessionsIT {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    WebTestClient web;

    @Test
    void the_sign_in_form_makes_a_session_the_api_accepts_and_signing_out_ends_it() {
        Visit visit = new Visit();

        EntityExchangeResult<byte[]> signedIn = visit.signIn("halland-tjansteperson", TestUsers.PASSWORD);
        assertThat(signedIn.getStatus().value()).isEqualTo(302);
        assertThat(signedIn.getResponseHeaders().getLocation()).hasToString("/");
        web.get().uri("/api/v1/me").cookie("SESSION", visit.session).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.grants[0].regions").isEqualTo("halland");
        web.get().uri("/").cookie("SESSION", visit.session).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);

        web.post().uri("/logga-ut").cookie("SESSION", visit.session).cookie("XSRF-TOKEN", visit.csrf)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("_csrf", visit.csrf))
                .exchange().expectStatus().isFound().expectHeader().location("/logga-in?utloggad");
        web.get().uri("/api/v1/me").cookie("SESSION", visit.session).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void a_wrong_password_goes_back_to_the_form_with_no_session() {
        Visit visit = new Visit();

        EntityExchangeResult<byte[]> answer = visit.signIn("halland-tjansteperson", "wrong");
        assertThat(answer.getStatus().value()).isEqualTo(302);
        assertThat(answer.getResponseHeaders().getLocation()).hasToString("/logga-in?fel");
        if (visit.session != null) {
            web.get().uri("/api/v1/me").cookie("SESSION", visit.session).exchange().expectStatus().isUnauthorized();
        }
    }

    @Test
    void a_change_asked_for_by_a_session_without_its_csrf_token_is_refused() {
        Visit visit = new Visit();
        visit.signIn("halland-tjansteperson", TestUsers.PASSWORD);

        web.post().uri("/command-side/api/v1/regions/halland/needs").cookie("SESSION", visit.session)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isForbidden();
        web.post().uri("/logga-in").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", "halland-tjansteperson").with("password", TestUsers.PASSWORD))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void a_pages_command_with_its_token_reaches_for_the_command_side_and_is_told_when_it_does_not_answer() {
        Visit visit = new Visit();
        visit.signIn("halland-tjansteperson", TestUsers.PASSWORD);

        web.post().uri("/command-side/api/v1/regions/halland/needs").cookie("SESSION", visit.session)
                .cookie("XSRF-TOKEN", visit.csrf).header("X-XSRF-TOKEN", visit.csrf)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/command-side/api/v1/regions/halland/needs").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void api_clients_keep_http_basic_with_no_session_no_csrf_and_the_pages_script_gets_no_password_dialog() {
        web.post().uri("/api/v1/regions/halland/audit/checkpoints").header(HttpHeaders.AUTHORIZATION, TestUsers.basic("halland-revisor"))
                .exchange().expectStatus().value(status -> assertThat(status).isNotEqualTo(403))
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        web.get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Basic .*");
        web.get().uri("/api/v1/me").header("X-Requested-With", "XMLHttpRequest").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Session .*form=\"/logga-in\"");
    }

    @Test
    void every_page_is_served_and_an_unknown_one_is_not() {
        for (String page : new String[] {"/", "/logga-in", "/sidor/behov", "/sidor/prioritering", "/sidor/jamforelser", "/sidor/revision"}) {
            web.get().uri(page).exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectBody(String.class).value(html -> assertThat(html).contains("<main id=\"innehall\"", "lang=\"sv\""));
        }
        web.get().uri("/sidor/nowhere").exchange().expectStatus().isNotFound();
        web.get().uri("/webjars/alpinejs/dist/cdn.min.js").exchange().expectStatus().isOk();
        web.get().uri("/webjars/chart.js/dist/chart.umd.js").exchange().expectStatus().isOk();
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(String.class)
                .value(description -> assertThat(description).contains("/api/v1/regions/{region}/needs").doesNotContain("/sidor", "/command-side", "/logga-in"));
    }

    /** One browser's visit: the form's token and cookie, then the session it signs in to. */
    private final class Visit {
        final String csrf;
        String session;

        Visit() {
            EntityExchangeResult<String> form = web.get().uri("/logga-in").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult();
            Matcher token = FORM_TOKEN.matcher(form.getResponseBody());
            assertThat(token.find()).as("the form carries its CSRF token").isTrue();
            csrf = token.group(1);
            assertThat(form.getResponseCookies().getFirst("XSRF-TOKEN")).extracting(ResponseCookie::getValue).isEqualTo(csrf);
        }

        EntityExchangeResult<byte[]> signIn(String username, String password) {
            EntityExchangeResult<byte[]> result = web.post().uri("/logga-in").cookie("XSRF-TOKEN", csrf)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData("username", username).with("password", password).with("_csrf", csrf))
                    .exchange().expectBody().returnResult();
            ResponseCookie cookie = result.getResponseCookies().getFirst("SESSION");
            session = cookie == null ? null : cookie.getValue();
            return result;
        }
    }
}
