package se.nduh.infrastructure.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalAuthenticationManagerTest {

    private static final String OWNER = "halland-revisor";
    private static final String PASSWORD = "rätt-lösenord";
    private static final String ATTACKER = "203.0.113.7";
    private static final String OWNERS_DESK = "198.51.100.20";

    @TempDir
    Path dir;

    private final AtomicInteger passwordChecks = new AtomicInteger();
    /** How long a password check takes: long enough, where it matters, that concurrent requests overlap for sure. */
    private volatile long checkMillis;
    private LocalAuthenticationManager manager;

    @BeforeEach
    void aUsersFileWithTheOwner() throws IOException {
        PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return bcrypt.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                passwordChecks.incrementAndGet();
                pause(checkMillis);
                return bcrypt.matches(raw, encoded);
            }
        };
        LocalUser owner = new LocalUser("u-1a2b", OWNER, bcrypt.encode(PASSWORD), List.of(Grant.parse("revisor:halland")), null, "Revisor");
        Path file = Files.writeString(dir.resolve("users.csv"), "userId,username,passwordHash,grants,provider,displayName\n" + owner.line() + "\n");
        manager = new LocalAuthenticationManager(new UserDirectory(file), counting);
    }

    @Test
    void five_wrong_guesses_from_one_address_throttle_that_address_but_never_the_owner_at_another() {
        for (int i = 0; i < LocalAuthenticationManager.MAX_FAILURES; i++) {
            assertThatThrownBy(() -> signIn(OWNER, "gissning-" + guess(), ATTACKER)).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIn(OWNER, PASSWORD, ATTACKER)).isInstanceOf(LocalAuthenticationManager.LoginThrottled.class);
        assertThat(signIn(OWNER, PASSWORD, OWNERS_DESK).getName()).isEqualTo("u-1a2b");
    }

    @Test
    void the_owner_who_signed_in_lately_is_not_locked_out_by_guesses_from_the_same_address() {
        signIn(OWNER, PASSWORD, ATTACKER);
        for (int i = 0; i <= LocalAuthenticationManager.MAX_FAILURES; i++) {
            assertThatThrownBy(() -> signIn(OWNER, "gissning-" + guess(), ATTACKER)).isInstanceOf(RuntimeException.class);
        }
        assertThat(signIn(OWNER, PASSWORD, ATTACKER).getName()).isEqualTo("u-1a2b");
    }

    @Test
    void guesses_sent_in_parallel_are_counted_before_the_password_check() {
        passwordChecks.set(0);
        List<Throwable> answers = Flux.range(0, 40).parallel(8).runOn(Schedulers.parallel())
                .flatMap(i -> attempt(OWNER, "gissning-" + i, ATTACKER).then(Mono.<Throwable>empty()).onErrorResume(Mono::just))
                .sequential().collectList().block();

        assertThat(answers).hasSize(40);
        assertThat(answers).filteredOn(BadCredentialsException.class::isInstance).hasSize(LocalAuthenticationManager.MAX_FAILURES);
        assertThat(passwordChecks).hasValue(LocalAuthenticationManager.MAX_FAILURES);
    }

    @Test
    void the_owners_many_requests_sent_at_once_with_the_right_password_are_one_attempt_and_one_check() {
        passwordChecks.set(0);
        checkMillis = 300;
        List<Authentication> signedIn = Flux.range(0, 16).parallel(16).runOn(Schedulers.parallel())
                .flatMap(i -> attempt(OWNER, PASSWORD, OWNERS_DESK)).sequential().collectList().block();

        assertThat(signedIn).hasSize(16).allSatisfy(authentication -> assertThat(authentication.getName()).isEqualTo("u-1a2b"));
        assertThat(passwordChecks.get()).isLessThanOrEqualTo(LocalAuthenticationManager.MAX_FAILURES);
    }

    @Test
    void an_unknown_username_costs_a_password_check_like_a_known_one() {
        passwordChecks.set(0);
        assertThatThrownBy(() -> signIn("ingen-alls", PASSWORD, OWNERS_DESK)).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn(OWNER, "fel", OWNERS_DESK)).isInstanceOf(BadCredentialsException.class);
        assertThat(passwordChecks).hasValue(2);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int guessCounter;

    private int guess() {
        return guessCounter++;
    }

    private Authentication signIn(String username, String password, String address) {
        return attempt(username, password, address).block();
    }

    private Mono<Authentication> attempt(String username, String password, String address) {
        ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/me")
                .remoteAddress(new InetSocketAddress(address, 40_000)));
        return manager.authenticate(new UsernamePasswordAuthenticationToken(username, password))
                .contextWrite(context -> context.put(ServerWebExchange.class, exchange));
    }
}
