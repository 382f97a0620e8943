package se.nduh.infrastructure.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;
import se.nduh.kernel.hash.Hashes;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks HTTP Basic credentials against the local users file. bcrypt is slow on purpose, so a verified
 * password is remembered for a while (under a keyed hash, never in clear) and later calls cost microseconds.
 * Guessing is throttled per source address and username: an attempt is counted before the expensive check, so
 * guesses sent in parallel cannot all get past it; the owner is never locked out by someone else's guesses,
 * from another address or with a password verified lately; and an unknown username costs a bcrypt check like
 * a known one, so the time of the answer does not tell whether a username exists.
 */
class LocalAuthenticationManager implements ReactiveAuthenticationManager {

    static final int MAX_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(5);
    private static final Duration REMEMBER_VERIFIED = Duration.ofMinutes(10);

    private final UserDirectory users;
    private final PasswordEncoder encoder;
    private final String unknownUserHash;
    private final Cache<String, Actor> verified = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBER_VERIFIED).maximumSize(10_000).build();
    private final Cache<String, AtomicInteger> attempts = Caffeine.newBuilder()
            .expireAfterWrite(LOCKOUT).maximumSize(100_000).build();
    private final byte[] cacheKeySecret = new byte[32];
    /** Checks under way, by username and password: the same sign-in sent at once by many requests is checked once. */
    private final Map<String, Mono<Optional<Actor>>> checking = new ConcurrentHashMap<>();

    LocalAuthenticationManager(UserDirectory users) {
        this(users, new BCryptPasswordEncoder());
    }

    LocalAuthenticationManager(UserDirectory users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
        SecureRandom random = new SecureRandom();
        random.nextBytes(cacheKeySecret);
        byte[] nobodysPassword = new byte[16];
        random.nextBytes(nobodysPassword);
        this.unknownUserHash = encoder.encode(HexFormat.of().formatHex(nobodysPassword));
    }

    /** Too many failed sign-ins for this username from this address: answered with {@code 429} and a wait. */
    static class LoginThrottled extends AuthenticationException {
        LoginThrottled() {
            super("Too many failed sign-ins; wait before trying again.");
        }
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        return Mono.deferContextual(context -> authenticate(authentication, sourceOf(context)));
    }

    private Mono<Authentication> authenticate(Authentication authentication, String source) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        String cacheKey = username + ":" + keyedHash(password);
        Actor known = verified.getIfPresent(cacheKey);
        if (known != null) {
            return Mono.just(new ActorAuthentication(known));
        }
        String attempt = source + "|" + username;
        // Only the request that starts a check counts as an attempt: a client's many requests with the right
        // password, sent at once when its remembered sign-in has expired, are one attempt and one check.
        boolean[] starts = {false};
        Mono<Optional<Actor>> shared = checking.computeIfAbsent(cacheKey, key -> {
            starts[0] = true;
            return Mono.fromCallable(() -> check(username, password))
                    .subscribeOn(Schedulers.boundedElastic())
                    .doOnNext(actor -> actor.ifPresent(signedIn -> {
                        verified.put(key, signedIn);
                        attempts.invalidate(attempt);
                    }))
                    .doFinally(signal -> checking.remove(key))
                    .cache();
        });
        if (starts[0] && attempts.get(attempt, key -> new AtomicInteger()).incrementAndGet() > MAX_FAILURES) {
            checking.remove(cacheKey, shared);
            return Mono.error(new LoginThrottled());
        }
        return shared
                .flatMap(actor -> actor.map(Mono::just).orElseGet(Mono::empty))
                .<Authentication>map(ActorAuthentication::new)
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("Wrong username or password.")));
    }

    private Optional<Actor> check(String username, String password) {
        Optional<LocalUser> user = users.byUsername(username);
        boolean matches = encoder.matches(password, user.map(LocalUser::passwordHash).orElse(unknownUserHash));
        return user.filter(known -> matches).map(LocalUser::actor);
    }

    /** The client's address, from the exchange Spring Security keeps in the reactive context. */
    private static String sourceOf(ContextView context) {
        return context.<ServerWebExchange>getOrEmpty(ServerWebExchange.class)
                .map(exchange -> exchange.getRequest().getRemoteAddress())
                .map(address -> address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress())
                .orElse("unknown");
    }

    private String keyedHash(String password) {
        return HexFormat.of().formatHex(Hashes.hmacSha256(cacheKeySecret, password));
    }
}
