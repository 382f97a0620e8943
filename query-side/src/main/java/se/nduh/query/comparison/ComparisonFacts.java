package se.nduh.query.comparison;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import se.nduh.query.readmodel.ReadModelStore;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The facts the comparison publisher keeps of the region's aggregates, in its own read model: only what the
 * metrics need, never a title or a text. Each aggregate's facts are guarded by its sequence, so a redelivered
 * event changes nothing.
 */
@Component
class ComparisonFacts {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /**
     * At most this many facts are kept in memory, all regions together: some tens of MB (a need's facts take about
     * 0.5 kB), and room for the needs of a store of 100,000 events.
     */
    static final int MOST_FACTS_KEPT = 150_000;
    private static final String NEED = "need:";
    private static final String ROUND = "round:";
    private static final String COMMISSION = "commission:";

    /** Everything the metrics of one region are computed from. */
    record OfRegion(Map<String, NeedFacts> needs, List<RoundFacts> rounds, List<CommissionFacts> commissions, boolean named) {
    }

    private final ReadModelStore<NeedFacts> needs;
    private final ReadModelStore<RoundFacts> rounds;
    private final ReadModelStore<CommissionFacts> commissions;
    private final ReadModelStore<NamingFacts> naming;
    /** The regions whose facts are kept in memory between refreshes. */
    private final Map<String, Kept> kept = new HashMap<>();
    private final int mostFactsKept;

    @Autowired
    ComparisonFacts(MongoDatabase readDatabase, ObjectMapper json) {
        this(readDatabase, json, MOST_FACTS_KEPT);
    }

    ComparisonFacts(MongoDatabase readDatabase, ObjectMapper json, int mostFactsKept) {
        this.mostFactsKept = mostFactsKept;
        this.needs = new ReadModelStore<>(readDatabase.getCollection("comparison_need_facts"), NeedFacts.class, json);
        this.rounds = new ReadModelStore<>(readDatabase.getCollection("comparison_round_facts"), RoundFacts.class, json);
        this.commissions = new ReadModelStore<>(readDatabase.getCollection("comparison_commission_facts"), CommissionFacts.class, json);
        this.naming = new ReadModelStore<>(readDatabase.getCollection("comparison_naming"), NamingFacts.class, json);
        Stream.of(needs, rounds, commissions).forEach(store -> store.index(List.of(Indexes.ascending("region", "_id"))));
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

    /** How a stale mark names a changed fact of a need, a round or a commission ({@link StaleRegions#mark}); null for a region's naming. */
    String keyOf(ReadModelStore<?> store, String id) {
        return store == needs ? NEED + id : store == rounds ? ROUND + id : store == commissions ? COMMISSION + id : null;
    }

    /**
     * The region's facts: as last read, with the facts the stale mark names read again, or read whole when the region
     * is not kept (after a start, or left out to stay within {@value #MOST_FACTS_KEPT} facts) or the mark names too many. Reading every fact of a
     * region per refresh grew with its history: at 10,000 needs in a region it was most of what the query side
     * allocated, and its collections' pauses were the read lag's slowest moments. Only the refresh's thread calls this.
     */
    synchronized OfRegion ofRegion(StaleRegions.Stale stale) {
        String region = stale.region();
        Kept facts = kept.remove(region);
        if (facts == null || stale.whole()) {
            facts = new Kept(whole(needs, region), whole(rounds, region), whole(commissions, region));
        } else {
            facts.readAgain(stale.facts(), region);
        }
        keep(region, facts);
        return new OfRegion(Collections.unmodifiableMap(facts.needs), byBudgetYear(facts.rounds.values(), RoundFacts::budgetYear),
                byBudgetYear(facts.commissions.values(), CommissionFacts::budgetYear),
                naming.findById(region).map(NamingFacts::named).blockOptional(TIMEOUT).orElse(false));
    }

    /**
     * Keeps the region's facts if they fit within the bound beside the regions kept already. A kept region is never
     * dropped to make room for another: the regions are refreshed in turn, so dropping the least recently refreshed
     * one, once they outgrew the bound, had every refresh read a region whole (13 regions, 83,000 facts).
     */
    private void keep(String region, Kept facts) {
        if (kept.values().stream().mapToInt(Kept::size).sum() + facts.size() <= mostFactsKept) {
            kept.put(region, facts);
        }
    }

    private static <T> List<T> byBudgetYear(Collection<T> facts, ToIntFunction<T> budgetYear) {
        return facts.stream().sorted(Comparator.comparingInt(budgetYear)).toList();
    }

    /** Every fact of the region in the store. */
    private static <T> Map<String, T> whole(ReadModelStore<T> store, String region) {
        return read(store, Filters.eq("region", region));
    }

    /**
     * The facts by id, in the order of their ids whatever the order they were read in: where two give a figure equally
     * (the same population behind an indicator), the first one's value is published, and it must not flap.
     */
    private static <T> Map<String, T> read(ReadModelStore<T> store, Bson filter) {
        return store.findWithIds(filter, Sorts.ascending("_id")).collect(TreeMap<String, T>::new, (map, fact) -> map.put(fact.getKey(), fact.getValue()))
                .block(TIMEOUT);
    }

    /** A region's facts of needs, rounds and commissions, by id. */
    private final class Kept {

        private final Map<String, NeedFacts> needs;
        private final Map<String, RoundFacts> rounds;
        private final Map<String, CommissionFacts> commissions;

        Kept(Map<String, NeedFacts> needs, Map<String, RoundFacts> rounds, Map<String, CommissionFacts> commissions) {
            this.needs = needs;
            this.rounds = rounds;
            this.commissions = commissions;
        }

        int size() {
            return needs.size() + rounds.size() + commissions.size();
        }

        /** Reads again the facts named ({@link #keyOf}), only within the region. */
        void readAgain(Set<String> keys, String region) {
            readAgain(ComparisonFacts.this.needs, needs, NEED, keys, region);
            readAgain(ComparisonFacts.this.rounds, rounds, ROUND, keys, region);
            readAgain(ComparisonFacts.this.commissions, commissions, COMMISSION, keys, region);
        }

        private static <T> void readAgain(ReadModelStore<T> store, Map<String, T> facts, String kind, Set<String> keys, String region) {
            List<String> ids = keys.stream().filter(key -> key.startsWith(kind)).map(key -> key.substring(kind.length())).toList();
            if (!ids.isEmpty()) {
                Map<String, T> read = read(store, Filters.and(Filters.eq("region", region), Filters.in("_id", ids)));
                ids.forEach(facts::remove);
                facts.putAll(read);
            }
        }
    }
}
