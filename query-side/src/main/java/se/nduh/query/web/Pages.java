package se.nduh.query.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.security.ProviderSignIn;
import se.nduh.infrastructure.security.SecurityProperties;

import java.util.Set;

/**
 * The pages' frames: the layout and the forms' CSRF token. What a page shows it asks the API for, as the signed-in
 * user, so the access table decides what each role sees. Not in the API's description (docs/api.md tells of them).
 */
@Hidden
@Controller
class Pages {

    private static final Set<String> PAGES = Set.of("behov", "prioritering", "uppdrag", "uppdragsutkast", "uppfoljning", "erfarenheter", "jamforelser", "revision", "drift");

    @GetMapping("/")
    Mono<String> home(ServerWebExchange exchange, Model model) {
        return render("hem", exchange, model);
    }

    /** Where the sign-in page sends its visitor in oidc mode, instead of showing the password form; none in local mode. */
    private final String providerSignIn;

    Pages(SecurityProperties security) {
        this.providerSignIn = security.mode() == SecurityProperties.Mode.OIDC ? ProviderSignIn.START : null;
    }

    @GetMapping("/logga-in")
    Mono<String> signIn(ServerWebExchange exchange, Model model) {
        model.addAttribute("providerSignIn", providerSignIn);
        return render("logga-in", exchange, model);
    }

    @GetMapping("/sidor/{page}")
    Mono<String> page(@PathVariable String page, ServerWebExchange exchange, Model model) {
        if (!PAGES.contains(page)) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No page " + page));
        }
        return render(page, exchange, model);
    }

    private static Mono<String> render(String page, ServerWebExchange exchange, Model model) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return (token == null ? Mono.<CsrfToken>empty() : token)
                .doOnNext(csrf -> model.addAttribute("csrf", csrf))
                .thenReturn("sidor/" + page);
    }
}
