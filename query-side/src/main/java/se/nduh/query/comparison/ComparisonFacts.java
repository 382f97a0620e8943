package se.nduh.query.comparison;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import se.nduh.query.readmodel.ReadModelStore;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The facts the comparison publisher keeps of the region's aggregates, in its own read model: only what the
 * metrics need, never a title or a text. Each aggregate's facts are guarded by its sequence, so a redelivered
 * event changes nothing.
 */
@Component
class ComparisonFacts {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Everything the metrics of one region are computed from. */
    record OfRegion(Map<String, NeedFacts> needs, List<RoundFacts> rounds, List<CommissionFacts> commissions, boolean named) {
    }

    private final ReadModelStore<NeedFacts> needs;
    private final ReadModelStore<RoundFacts> rounds;
    private final ReadModelStore<CommissionFacts> commissions;
    private final ReadModelStore<NamingFacts> naming;

    ComparisonFacts(MongoDatabase readDatabase, ObjectMapper json) {
        this.needs = new ReadModelStore<>(readDatabase.getCollection("comparison_need_facts"), NeedFacts.class, json);
        this.rounds = new ReadModelStore<>(readDatabase.getCollection("comparison_round_facts"), RoundFacts.class, json);
        this.commissions = new ReadModelStore<>(readDatabase.getCollection("comparison_commission_facts"), CommissionFacts.class, json);
        this.naming = new ReadModelStore<>(readDatabase.getCollection("comparison_naming"), NamingFacts.class, json);
    }

    ReadModelStore<NeedFacts> needs() {
        return needs;
    }

    ReadModelStore<RoundFacts> rounds() {
        return rounds;
    }

    ReadModelStore<CommissionFacts> commissions() {
        return commissions;
    }

    ReadModelStore<NamingFacts> naming() {
        return naming;
    }

    /**
     * Applies an event to the facts of its aggregate. The facts are the publisher's own, written by its single
     * thread, so reading before writing is safe; the sequence guard makes a repeat change nothing.
     */
    <T> void change(ReadModelStore<T> store, String id, long sequence, UnaryOperator<T> change) {
        store.findById(id).blockOptional(TIMEOUT).ifPresent(facts -> store.upsert(id, sequence, change.apply(facts)));
    }

    OfRegion ofRegion(String region) {
        Bson ofRegion = Filters.eq("region", region);
        return new OfRegion(
                needs.find(ofRegion, Sorts.ascending("needId")).collectMap(NeedFacts::needId).block(TIMEOUT),
                rounds.find(ofRegion, Sorts.ascending("budgetYear")).collectList().block(TIMEOUT),
                commissions.find(ofRegion, Sorts.ascending("budgetYear")).collectList().block(TIMEOUT),
                naming.findById(region).map(NamingFacts::named).blockOptional(TIMEOUT).orElse(false));
    }
}
