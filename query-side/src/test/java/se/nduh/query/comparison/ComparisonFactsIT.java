package se.nduh.query.comparison;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.nduh.localplatform.testing.PlatformIT;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refresh reads a region's facts whole once, then only the facts a stale mark names, and only within the region;
 * the marks of several batches name every fact they changed, up to a bound past which the region is read whole.
 */
@PlatformIT
class ComparisonFactsIT {

    @Autowired
    MongoClient mongo;
    @Autowired
    ObjectMapper json;

    @Test
    void a_kept_region_reads_again_only_the_facts_its_mark_names() {
        ComparisonFacts facts = new ComparisonFacts(databaseOfItsOwn(), json);
        facts.needs().upsert("a1", 0, need("a1", "halland", 100));
        facts.needs().upsert("a2", 0, need("a2", "halland", 100));
        facts.needs().upsert("b1", 0, need("b1", "skane", 100));
        assertThat(facts.ofRegion(stale("halland")).needs()).containsOnlyKeys("a1", "a2");

        facts.needs().upsert("a1", 1, need("a1", "halland", 200));
        facts.needs().upsert("a3", 0, need("a3", "halland", 100));
        assertThat(facts.ofRegion(stale("halland")).needs()).containsOnlyKeys("a1", "a2")
                .hasEntrySatisfying("a1", kept -> assertThat(kept.population()).isEqualTo(100));

        ComparisonFacts.OfRegion named = facts.ofRegion(stale("halland", facts.keyOf(facts.needs(), "a1"),
                facts.keyOf(facts.needs(), "a3"), facts.keyOf(facts.needs(), "b1")));
        assertThat(named.needs()).containsOnlyKeys("a1", "a2", "a3")
                .hasEntrySatisfying("a1", read -> assertThat(read.population()).isEqualTo(200));
        assertThat(facts.ofRegion(stale("skane")).needs()).containsOnlyKeys("b1");

        facts.needs().upsert("a2", 1, need("a2", "halland", 300));
        assertThat(facts.ofRegion(new StaleRegions.Stale("halland", 1, Set.of(), true)).needs()).as("too many changed to name: read whole")
                .hasEntrySatisfying("a2", read -> assertThat(read.population()).isEqualTo(300));
    }

    @Test
    void a_region_that_does_not_fit_beside_the_kept_ones_is_read_whole_and_they_stay_kept() {
        ComparisonFacts facts = new ComparisonFacts(databaseOfItsOwn(), json, 3);
        facts.needs().upsert("a1", 0, need("a1", "halland", 100));
        facts.needs().upsert("a2", 0, need("a2", "halland", 100));
        facts.needs().upsert("b1", 0, need("b1", "skane", 100));
        facts.needs().upsert("c1", 0, need("c1", "gotland", 100));
        facts.ofRegion(stale("halland"));
        facts.ofRegion(stale("skane"));
        facts.ofRegion(stale("gotland"));

        facts.needs().upsert("a1", 1, need("a1", "halland", 200));
        facts.needs().upsert("c1", 1, need("c1", "gotland", 200));
        assertThat(facts.ofRegion(stale("gotland")).needs()).as("not kept: read whole")
                .hasEntrySatisfying("c1", read -> assertThat(read.population()).isEqualTo(200));
        assertThat(facts.ofRegion(stale("halland")).needs()).as("kept, its change not named")
                .hasEntrySatisfying("a1", kept -> assertThat(kept.population()).isEqualTo(100));
    }

    @Test
    void the_marks_of_several_batches_name_every_fact_they_changed() {
        MongoDatabase database = databaseOfItsOwn();
        StaleRegions stale = new StaleRegions(database);
        ComparisonFacts facts = new ComparisonFacts(database, json);
        String need = facts.keyOf(facts.needs(), "n1");
        String round = facts.keyOf(facts.rounds(), "r1");
        assertThat(List.of(need, round, facts.keyOf(facts.commissions(), "c1"))).doesNotHaveDuplicates();
        assertThat(facts.keyOf(facts.naming(), "gotland")).isNull();

        stale.mark(Map.of("gotland", Set.of(need)));
        stale.mark(Map.of("gotland", Set.of(round, need)));
        stale.mark(List.of("gotland"));

        assertThat(stale.all()).singleElement().satisfies(marked -> {
            assertThat(marked.changes()).isEqualTo(3);
            assertThat(marked.facts()).containsExactlyInAnyOrder(need, round);
        });
    }

    @Test
    void a_mark_that_would_name_more_facts_than_it_may_says_to_read_the_region_whole() {
        StaleRegions stale = new StaleRegions(databaseOfItsOwn(), 2);
        stale.mark(Map.of("gotland", Set.of("a", "b")));
        assertThat(stale.all()).singleElement().satisfies(marked -> {
            assertThat(marked.whole()).isFalse();
            assertThat(marked.facts()).containsExactlyInAnyOrder("a", "b");
        });

        stale.mark(Map.of("gotland", Set.of("c")));
        assertThat(stale.all()).singleElement().satisfies(marked -> {
            assertThat(marked.whole()).isTrue();
            assertThat(marked.facts()).isEmpty();
            assertThat(marked.changes()).isEqualTo(2);
        });
    }

    /** Out of the scheduled refresh's way. */
    private MongoDatabase databaseOfItsOwn() {
        return mongo.getDatabase("comparison-facts-" + UUID.randomUUID());
    }

    private static StaleRegions.Stale stale(String region, String... facts) {
        return new StaleRegions.Stale(region, 1, Set.of(facts), false);
    }

    private static NeedFacts need(String id, String region, long population) {
        return new NeedFacts(id, region, 2026, Instant.parse("2026-01-15T09:00:00Z"), Set.of(), Map.of(), null, null, "2025",
                null, null, null, null, Map.of(), population, null, null);
    }
}
