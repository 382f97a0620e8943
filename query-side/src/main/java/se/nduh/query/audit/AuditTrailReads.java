package se.nduh.query.audit;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.bson.Document;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.mongo.MongoConfiguration;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.infrastructure.security.ActingAs;
import se.nduh.query.readmodel.Page;

import java.time.Duration;
import java.time.Instant;

/**
 * Reading an audit trail is itself recorded: every answered read under {@code …/audit/} (who, in which role, what,
 * when), so that the region's revisor can see who looked at which decision. Kept in the read database, by user id
 * only, like everything else.
 */
@RestController
class AuditTrailReads implements WebFilter {

    private static final PathPattern AUDIT_READS = PathPatternParser.defaultInstance.parse("/api/v1/regions/{region}/audit/**");

    /** One read of an audit trail: the user's id and role, what was asked for ({@code path}, {@code query}), and when. */
    record AuditTrailRead(String userId, String role, String region, String path, String query, Instant at) {
    }

    private final MongoCollection<Document> reads;
    private final RegionDirectory regions;

    AuditTrailReads(MongoDatabase readDatabase, RegionDirectory regions) {
        // Not rebuildable like the read models beside it: each record of a read is journaled.
        this.reads = readDatabase.getCollection("audit_trail_reads").withWriteConcern(MongoConfiguration.DURABLE);
        Mono.from(reads.createIndex(Indexes.ascending("region", "at"))).block(Duration.ofSeconds(30)); // a region's pages, newest first
        this.regions = regions;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!HttpMethod.GET.equals(exchange.getRequest().getMethod())
                || !AUDIT_READS.matches(exchange.getRequest().getPath().pathWithinApplication())) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).then(Mono.defer(() -> record(exchange)));
    }

    private Mono<Void> record(ServerWebExchange exchange) {
        var status = exchange.getResponse().getStatusCode();
        return ActingAs.find(exchange).filter(acting -> status == null || status.is2xxSuccessful())
                .map(acting -> new Document("userId", acting.userId()).append("role", acting.role().code())
                        .append("region", acting.region()).append("path", exchange.getRequest().getPath().value())
                        .append("query", exchange.getRequest().getURI().getRawQuery()).append("at", Instant.now().toString()))
                .map(read -> Mono.from(reads.insertOne(read)).then())
                .orElse(Mono.empty());
    }

    @Operation(summary = "Who read the region's audit trails, and when, newest first")
    @GetMapping("/api/v1/regions/{region}/audit/reads")
    Mono<Page<AuditTrailRead>> reads(@PathVariable String region, @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        regions.require(region);
        Flux<AuditTrailRead> found = Flux.from(reads.find(Filters.eq("region", region)).sort(Sorts.descending("at"))
                        .skip(page * size).limit(size))
                .map(read -> new AuditTrailRead(read.getString("userId"), read.getString("role"), read.getString("region"),
                        read.getString("path"), read.getString("query"), Instant.parse(read.getString("at"))));
        return found.collectList().zipWith(Mono.from(reads.countDocuments(Filters.eq("region", region))))
                .map(pair -> new Page<>(pair.getT1(), page, size, pair.getT2()));
    }
}
