package se.nduh.infrastructure.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import se.nduh.kernel.hash.Hashes;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks HTTP Basic credentials against the local users file. bcrypt is slow on purpose, so a verified
 * password is remembered for a while (under a keyed hash, never in clear) and later calls cost microseconds;
 * repeated failures for a username lock it out for a while, whatever password comes next.
 */
class LocalAuthenticationManager implements ReactiveAuthenticationManager {

    static final int MAX_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(5);
    private static final Duration REMEMBER_VERIFIED = Duration.ofMinutes(10);

    private final UserDirectory users;
    private final PasswordEncoder encoder = new BCryptPasswordEncoder();
    private final Cache<String, Actor> verified = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBER_VERIFIED).maximumSize(10_000).build();
    private final Cache<String, AtomicInteger> failures = Caffeine.newBuilder()
            .expireAfterWrite(LOCKOUT).maximumSize(100_000).build();
    private final byte[] cacheKeySecret = new byte[32];

    LocalAuthenticationManager(UserDirectory users) {
        this.users = users;
        new SecureRandom().nextBytes(cacheKeySecret);
    }

    /** Too many failed sign-ins for this username: answered with {@code 429} and a wait. */
    static class LoginThrottled extends AuthenticationException {
        LoginThrottled() {
            super("Too many failed sign-ins; wait before trying again.");
        }
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        AtomicInteger failed = failures.getIfPresent(username);
        if (failed != null && failed.get() >= MAX_FAILURES) {
            return Mono.error(new LoginThrottled());
        }
        String cacheKey = username + ":" + keyedHash(password);
        Actor known = verified.getIfPresent(cacheKey);
        if (known != null) {
            return Mono.just(new ActorAuthentication(known));
        }
        return Mono.fromCallable(() -> users.byUsername(username)
                        .filter(user -> encoder.matches(password, user.passwordHash()))
                        .map(LocalUser::actor))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(actor -> actor.map(Mono::just).orElseGet(Mono::empty))
                .doOnNext(actor -> {
                    verified.put(cacheKey, actor);
                    failures.invalidate(username);
                })
                .<Authentication>map(ActorAuthentication::new)
                .switchIfEmpty(Mono.defer(() -> {
                    failures.get(username, name -> new AtomicInteger()).incrementAndGet();
                    return Mono.error(new BadCredentialsException("Wrong username or password."));
                }));
    }

    private String keyedHash(String password) {
        return HexFormat.of().formatHex(Hashes.hmacSha256(cacheKeySecret, password));
    }
}
