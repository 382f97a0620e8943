package se.nduh.infrastructure.security;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import se.nduh.kernel.region.RegionCode;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;
import static se.nduh.infrastructure.security.Role.DRIFT;
import static se.nduh.infrastructure.security.Role.FORTROENDEVALD;
import static se.nduh.infrastructure.security.Role.REVISOR;
import static se.nduh.infrastructure.security.Role.SAMORDNARE;
import static se.nduh.infrastructure.security.Role.TJANSTEPERSON;
import static se.nduh.infrastructure.security.Role.UTFORARE;

/**
 * The permission matrix: every endpoint of both sides, who may call it and for which region. It is the one
 * place a reviewer reads, the README documents it, and the matrix tests read it. An endpoint without a row
 * is refused: adding the row is all a new endpoint needs.
 */
public final class AccessPolicy {

    /** Whom a row admits. */
    public enum Scope {
        /** anyone, signed in or not */
        PUBLIC,
        /** the listed roles, whichever region or network they are bound to */
        NETWORK,
        /** the listed roles, held for the region named in the path */
        REGION
    }

    /** Which application serves the endpoint (the same table is enforced by both). */
    public enum Side { COMMAND, QUERY, BOTH }

    public record Row(HttpMethod method, String path, Side side, Scope scope, Set<Role> roles, String purpose) {

        public Row {
            roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        }

        PathPattern pattern() {
            return PathPatternParser.defaultInstance.parse(path);
        }
    }

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> READERS_OF_REGION = EnumSet.of(FORTROENDEVALD, TJANSTEPERSON, REVISOR);
    /** Those who answer for a decision and those who audit it compare its versions. */
    private static final Set<Role> AUDITORS_OF_REGION = EnumSet.of(FORTROENDEVALD, REVISOR);
    /** Providers see the commissions of their region and their follow-up, not the region's other details. */
    private static final Set<Role> READERS_OF_COMMISSIONS = EnumSet.of(FORTROENDEVALD, TJANSTEPERSON, REVISOR, UTFORARE);


    /** Every role of every region and the coordinators read the benchmarks; the operators do not (no content). */
    private static final Set<Role> READERS_OF_BENCHMARKS = EnumSet.of(FORTROENDEVALD, TJANSTEPERSON, UTFORARE, REVISOR, SAMORDNARE);

    public static final List<Row> TABLE = List.of(
            //  method  path                                    side         scope           roles
            row(GET,  "/actuator/health/**",                    Side.BOTH,    Scope.PUBLIC,  Set.of(),          "Health for operators"),
            row(GET,  "/actuator/prometheus",                   Side.BOTH,    Scope.NETWORK, Set.of(DRIFT),     "Metrics for operators, Prometheus text"),
            row(GET,  "/actuator/metrics/**",                   Side.BOTH,    Scope.NETWORK, Set.of(DRIFT),     "Metrics for operators, one by one"),
            row(GET,  "/api/v1/regions",                        Side.BOTH,    Scope.PUBLIC,  Set.of(),          "The member regions"),
            row(GET,  "/api/v1/indicators",                     Side.BOTH,    Scope.PUBLIC,  Set.of(),          "The shared indicator catalogue"),
            row(GET,  "/api/v1/rules",                          Side.BOTH,    Scope.PUBLIC,  Set.of(),          "The business rule codes"),
            row(GET,  "/v3/api-docs/**",                        Side.BOTH,    Scope.PUBLIC,  Set.of(),          "The OpenAPI description"),
            row(GET,  "/api/v1/me",                             Side.BOTH,    Scope.NETWORK, EVERYONE,          "Who am I: user id, name and roles"),
            // The pages hold no data of their own: what they show comes from the API, through the rows here.
            row(GET,  "/",                                      Side.QUERY,   Scope.PUBLIC,  Set.of(),          "The web pages' start"),
            row(GET,  "/logga-in",                              Side.QUERY,   Scope.PUBLIC,  Set.of(),          "The sign-in form"),
            row(GET,  "/sidor/**",                              Side.QUERY,   Scope.PUBLIC,  Set.of(),          "The web pages"),
            row(GET,  "/assets/**",                             Side.QUERY,   Scope.PUBLIC,  Set.of(),          "The pages' scripts and styles"),
            row(GET,  "/webjars/**",                            Side.QUERY,   Scope.PUBLIC,  Set.of(),          "The pages' libraries"),
            row(POST, "/command-side/**",                       Side.QUERY,   Scope.NETWORK, EVERYONE,          "A page's command, passed on to the command side, which applies this table"),
            row(PUT,  "/command-side/**",                       Side.QUERY,   Scope.NETWORK, EVERYONE,          "A page's command, passed on to the command side, which applies this table"),
            row(POST, "/api/v1/regions/{region}/needs",         Side.COMMAND, Scope.REGION,  Set.of(TJANSTEPERSON), "Propose a need"),
            row(PUT,  "/api/v1/regions/{region}/needs/{id}/health-target", Side.COMMAND, Scope.REGION, Set.of(FORTROENDEVALD), "Set the health target"),
            row(PUT,  "/api/v1/regions/{region}/needs/{id}/inequity", Side.COMMAND, Scope.REGION, Set.of(TJANSTEPERSON), "Describe the need's equity breakdown (jämlik hälsa)"),
            row(POST, "/api/v1/regions/{region}/needs/{id}/evidence", Side.COMMAND, Scope.REGION, Set.of(TJANSTEPERSON), "Attach evidence"),
            row(POST, "/api/v1/regions/{region}/needs/{id}/evidence/{evidenceId}/withdrawal", Side.COMMAND, Scope.REGION, Set.of(TJANSTEPERSON), "Withdraw evidence"),
            row(PUT,  "/api/v1/regions/{region}/needs/{id}/assessment", Side.COMMAND, Scope.REGION, Set.of(TJANSTEPERSON), "Assess the need"),
            row(POST, "/api/v1/regions/{region}/needs/{id}/revisions", Side.COMMAND, Scope.REGION, Set.of(TJANSTEPERSON), "Revise the need"),
            row(POST, "/api/v1/regions/{region}/needs/{id}/withdrawal", Side.COMMAND, Scope.REGION, Set.of(TJANSTEPERSON), "Withdraw the need"),
            row(POST, "/api/v1/regions/{region}/priority-rounds", Side.COMMAND, Scope.REGION, Set.of(FORTROENDEVALD), "Open a priority round"),
            row(PUT,  "/api/v1/regions/{region}/priority-rounds/{id}/ranking", Side.COMMAND, Scope.REGION, Set.of(FORTROENDEVALD), "Rank the priorities"),
            row(POST, "/api/v1/regions/{region}/priority-rounds/{id}/decision", Side.COMMAND, Scope.REGION, Set.of(FORTROENDEVALD), "Decide the priorities"),
            row(POST, "/api/v1/regions/{region}/priority-rounds/{id}/reopening", Side.COMMAND, Scope.REGION, Set.of(FORTROENDEVALD), "Reopen a decided round"),
            row(POST, "/api/v1/regions/{region}/commissions", Side.COMMAND, Scope.REGION, Set.of(TJANSTEPERSON), "Draft a commission"),
            row(POST, "/api/v1/regions/{region}/commissions/draft-check", Side.COMMAND, Scope.REGION, Set.of(TJANSTEPERSON), "Check a commission's terms as drafting would, storing nothing"),
            row(PUT,  "/api/v1/regions/{region}/commissions/{id}/draft", Side.COMMAND, Scope.REGION, Set.of(TJANSTEPERSON), "Revise a draft commission"),
            row(POST, "/api/v1/regions/{region}/commissions/{id}/dialogue", Side.COMMAND, Scope.REGION, Set.of(TJANSTEPERSON), "Send a draft to its provider for dialogue"),
            row(POST, "/api/v1/regions/{region}/commissions/{id}/dialogue-answer", Side.COMMAND, Scope.REGION, Set.of(UTFORARE), "Answer a draft in dialogue"),
            row(POST, "/api/v1/regions/{region}/commissions/{id}/dialogue-withdrawal", Side.COMMAND, Scope.REGION, Set.of(TJANSTEPERSON), "Withdraw an unanswered round of dialogue"),
            row(POST, "/api/v1/regions/{region}/commissions/{id}/plan-revision", Side.COMMAND, Scope.REGION, Set.of(TJANSTEPERSON, UTFORARE), "Propose a revision of an accepted commission's plan"),
            row(POST, "/api/v1/regions/{region}/commissions/{id}/plan-revision/agreement", Side.COMMAND, Scope.REGION, Set.of(FORTROENDEVALD), "Agree to the proposed plan revision"),
            row(POST, "/api/v1/regions/{region}/commissions/{id}/plan-revision/decline", Side.COMMAND, Scope.REGION, Set.of(FORTROENDEVALD), "Decline the proposed plan revision"),
            row(POST, "/api/v1/regions/{region}/commissions/{id}/plan-revision/withdrawal", Side.COMMAND, Scope.REGION, Set.of(TJANSTEPERSON, UTFORARE), "Withdraw one's own plan revision"),
            row(POST, "/api/v1/regions/{region}/commissions/{id}/issue", Side.COMMAND, Scope.REGION, Set.of(FORTROENDEVALD), "Issue a commission"),
            row(POST, "/api/v1/regions/{region}/commissions/{id}/acceptance", Side.COMMAND, Scope.REGION, Set.of(UTFORARE), "Accept a commission"),
            row(POST, "/api/v1/regions/{region}/commissions/{id}/change-request", Side.COMMAND, Scope.REGION, Set.of(UTFORARE), "Ask for changes"),
            row(POST, "/api/v1/regions/{region}/commissions/{id}/outcomes", Side.COMMAND, Scope.REGION, Set.of(TJANSTEPERSON, UTFORARE), "Record an outcome"),
            row(POST, "/api/v1/regions/{region}/commissions/{id}/closure", Side.COMMAND, Scope.REGION, Set.of(FORTROENDEVALD), "Close and evaluate"),
            row(POST, "/api/v1/regions/{region}/arshjul/{budgetYear}/milestones", Side.COMMAND, Scope.REGION, Set.of(TJANSTEPERSON, FORTROENDEVALD), "Record a step of the annual wheel held outside the platform"),
            row(PUT,  "/api/v1/regions/{region}/comparison-naming", Side.COMMAND, Scope.REGION, Set.of(FORTROENDEVALD), "Decide whether the region is named in comparisons"),
            row(POST, "/api/v1/regions/{region}/experiences", Side.COMMAND, Scope.REGION, Set.of(TJANSTEPERSON, FORTROENDEVALD), "Share an experience"),
            row(POST, "/api/v1/regions/{region}/experiences/{id}/release", Side.COMMAND, Scope.REGION, Set.of(FORTROENDEVALD), "Release an experience to the network"),
            row(POST, "/api/v1/best-practice",                  Side.COMMAND, Scope.NETWORK, Set.of(SAMORDNARE),  "Curate a released experience as best practice"),
            row(POST, "/api/v1/best-practice/{experienceId}/retirement", Side.COMMAND, Scope.NETWORK, Set.of(SAMORDNARE), "Retire a best practice"),
            row(GET,  "/api/v1/regions/{region}/needs",         Side.QUERY,   Scope.REGION,  READERS_OF_REGION, "The need registry"),
            row(GET,  "/api/v1/regions/{region}/needs/{id}",    Side.QUERY,   Scope.REGION,  READERS_OF_REGION, "One need"),
            row(GET,  "/api/v1/regions/{region}/priority-rounds", Side.QUERY, Scope.REGION, READERS_OF_REGION, "The priority lists"),
            row(GET,  "/api/v1/regions/{region}/priority-rounds/{id}", Side.QUERY, Scope.REGION, READERS_OF_REGION, "One priority list"),
            row(GET,  "/api/v1/regions/{region}/priority-rounds/{id}/versions", Side.QUERY, Scope.REGION, READERS_OF_REGION, "A priority list's ranking versions, newest first"),
            row(GET,  "/api/v1/regions/{region}/commissions",   Side.QUERY,   Scope.REGION,  READERS_OF_COMMISSIONS, "The commission board"),
            row(GET,  "/api/v1/regions/{region}/commissions/{id}", Side.QUERY, Scope.REGION, READERS_OF_COMMISSIONS, "One commission"),
            row(GET,  "/api/v1/regions/{region}/outcomes",      Side.QUERY,   Scope.REGION,  READERS_OF_COMMISSIONS, "Outcome series"),
            row(GET,  "/api/v1/regions/{region}/follow-up",     Side.QUERY,   Scope.REGION,  READERS_OF_COMMISSIONS, "One decision level's follow-up across the accepted commissions"),
            row(GET,  "/api/v1/regions/{region}/arshjul",       Side.QUERY,   Scope.REGION,  READERS_OF_REGION, "The annual wheel (årshjul)"),
            row(GET,  "/api/v1/regions/{region}/events",        Side.QUERY,   Scope.REGION,  READERS_OF_REGION, "Live read-model changes (SSE)"),
            row(GET,  "/api/v1/regions/{region}/audit/priority-rounds/{id}", Side.QUERY, Scope.REGION, READERS_OF_REGION, "A priority round replayed as of an instant or version"),
            row(GET,  "/api/v1/regions/{region}/audit/priority-rounds/{id}/timeline", Side.QUERY, Scope.REGION, READERS_OF_REGION, "Every change of a priority round and its needs"),
            row(GET,  "/api/v1/regions/{region}/audit/priority-rounds/{id}/diff", Side.QUERY, Scope.REGION, AUDITORS_OF_REGION, "What changed between two ranking versions"),
            row(GET,  "/api/v1/regions/{region}/audit/priority-rounds/{id}/decisions/{decision}/report", Side.QUERY, Scope.REGION, AUDITORS_OF_REGION, "The audit report of one decision, JSON or a printable page"),
            row(GET,  "/api/v1/regions/{region}/audit/needs/{id}", Side.QUERY, Scope.REGION, READERS_OF_REGION, "A need replayed as of an instant or version, with its changes"),
            row(GET,  "/api/v1/regions/{region}/audit/verification", Side.QUERY, Scope.REGION, AUDITORS_OF_REGION, "Whether the region's event record is untouched"),
            row(GET,  "/api/v1/regions/{region}/audit/checkpoints", Side.QUERY, Scope.REGION, AUDITORS_OF_REGION, "Checkpoints of the region's event record"),
            row(POST, "/api/v1/regions/{region}/audit/checkpoints", Side.QUERY, Scope.REGION, Set.of(REVISOR), "Take a checkpoint of the region's event record"),
            row(GET,  "/api/v1/regions/{region}/audit/reads", Side.QUERY, Scope.REGION, Set.of(REVISOR), "Who read the region's audit trails, and when"),
            row(GET,  "/api/v1/admin/projections",              Side.QUERY,   Scope.NETWORK, Set.of(DRIFT),     "Projection status"),
            row(POST, "/api/v1/admin/projections/{name}/rebuild", Side.QUERY, Scope.NETWORK, Set.of(DRIFT),     "Rebuild a projection"),
            row(GET,  "/api/v1/admin/dead-letters",             Side.QUERY,   Scope.NETWORK, Set.of(DRIFT),     "Events projections failed on"),
            row(POST, "/api/v1/admin/dead-letters/{name}/retry", Side.QUERY,  Scope.NETWORK, Set.of(DRIFT),     "Retry a projection's dead letters"),
            row(GET,  "/api/v1/regions/{region}/comparison-naming", Side.QUERY, Scope.REGION, READERS_OF_REGION, "Whether the region is named in comparisons"),
            row(GET,  "/api/v1/regions/{region}/experiences",   Side.QUERY,   Scope.REGION,  READERS_OF_REGION, "The region's shared experiences"),
            row(GET,  "/api/v1/regions/{region}/experiences/{id}", Side.QUERY, Scope.REGION, READERS_OF_REGION, "One shared experience"),
            row(GET,  "/api/v1/comparisons",                    Side.QUERY,   Scope.NETWORK, READERS_OF_BENCHMARKS, "Anonymised comparison records, raw"),
            row(GET,  "/api/v1/best-practice",                  Side.QUERY,   Scope.NETWORK, EVERYONE,          "The curated best-practice library"),
            row(GET,  "/api/v1/best-practice/{experienceId}",   Side.QUERY,   Scope.NETWORK, EVERYONE,          "One curated best practice"),
            row(GET,  "/api/v1/released-experiences",           Side.QUERY,   Scope.NETWORK, Set.of(SAMORDNARE),  "The network's released experiences not curated now, to curate from"),
            row(GET,  "/api/v1/benchmarks",                     Side.QUERY,   Scope.NETWORK, READERS_OF_BENCHMARKS, "The compared metrics and their periods"),
            row(GET,  "/api/v1/benchmarks/{metric}",            Side.QUERY,   Scope.NETWORK, READERS_OF_BENCHMARKS, "One metric across the regions"),
            row(GET,  "/api/v1/benchmarks/{metric}/trend",      Side.QUERY,   Scope.NETWORK, READERS_OF_BENCHMARKS, "One metric over time")
    );

    private static final List<CompiledRow> COMPILED = TABLE.stream().map(row -> new CompiledRow(row, row.pattern())).toList();

    private AccessPolicy() {
    }

    private static Row row(HttpMethod method, String path, Side side, Scope scope, Set<Role> roles, String purpose) {
        return new Row(method, path, side, scope, roles, purpose);
    }

    /**
     * What the table says about a request by this actor ({@code null} when nobody signed in); a path naming a
     * region this deployment does not serve is answered as such before anything else, since the region list is
     * public anyway. Grants of regions served elsewhere count for nothing here.
     */
    public static Decision decide(HttpMethod method, String path, Actor actor, Predicate<String> isServedRegion) {
        PathContainer container = PathContainer.parsePath(path);
        Optional<CompiledRow> match = COMPILED.stream()
                .filter(row -> row.row().method().equals(method) && row.pattern().matches(container))
                .findFirst();
        if (match.isEmpty()) {
            return actor == null ? new Decision.Unauthenticated() : new Decision.NoRule();
        }
        Row row = match.get().row();
        if (row.scope() == Scope.PUBLIC) {
            return new Decision.Public();
        }
        if (actor == null) {
            return new Decision.Unauthenticated();
        }
        String region = row.scope() == Scope.REGION
                ? match.get().pattern().matchAndExtract(container).getUriVariables().get("region") : null;
        if (region != null && !isServedRegion.test(region)) {
            return new Decision.UnknownRegion(region);
        }
        // a deployment takes the users of the regions it serves, and the network's
        List<Grant> withRole = actor.grants().stream().filter(grant -> row.roles().contains(grant.role())
                && (grant.network() || grant.regions().stream().map(RegionCode::value).anyMatch(isServedRegion))).toList();
        if (withRole.isEmpty()) {
            return new Decision.MissingRole(row.roles());
        }
        if (region == null) {
            Grant grant = withRole.get(0);
            return new Decision.Allowed(new ActingAs(actor.userId(), grant.role(), grant.regionsText(), actor.provider()));
        }
        return withRole.stream()
                .filter(grant -> grant.covers(RegionCode.of(region)))
                .findFirst()
                .<Decision>map(grant -> new Decision.Allowed(new ActingAs(actor.userId(), grant.role(), region, actor.provider())))
                .orElseGet(() -> new Decision.OtherRegion(region));
    }

    private record CompiledRow(Row row, PathPattern pattern) {
    }

    /** The outcome of {@link #decide}. */
    public sealed interface Decision {
        record Public() implements Decision { }
        record Allowed(ActingAs actingAs) implements Decision { }
        record Unauthenticated() implements Decision { }
        record NoRule() implements Decision { }
        record MissingRole(Set<Role> anyOf) implements Decision { }
        record OtherRegion(String region) implements Decision { }
        /** Not a region this deployment serves: not a member at all, or one its own deployment serves. */
        record UnknownRegion(String region) implements Decision { }
    }
}
