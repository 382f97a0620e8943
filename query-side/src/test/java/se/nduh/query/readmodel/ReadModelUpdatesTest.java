package se.nduh.query.readmodel;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.stream.IntStream;

class ReadModelUpdatesTest {

    private final ReadModelUpdates updates = new ReadModelUpdates();

    @Test
    void a_region_reader_busy_while_a_batch_is_told_still_gets_every_update_of_its_region_in_order() {
        StepVerifier.create(updates.ofRegion("halland"), 0)
                .then(() -> IntStream.range(0, 100).forEach(version -> {
                    updates.published(new ReadModelUpdates.Update("needs", "halland", "need-1", version));
                    updates.published(new ReadModelUpdates.Update("needs", "skane", "need-2", version));
                }))
                .thenRequest(40)
                .expectNextMatches(update -> update.version() == 0 && update.region().equals("halland"))
                .expectNextCount(38)
                .thenRequest(100)
                .expectNextCount(60)
                .expectNextMatches(update -> update.version() == 99)
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void a_reader_too_far_behind_fails_alone_and_the_others_are_still_told() {
        StepVerifier.create(updates.ofRegion("halland"), 0)
                .then(() -> IntStream.range(0, 2_000).forEach(version ->
                        updates.published(new ReadModelUpdates.Update("needs", "halland", "need-1", version))))
                .thenRequest(Long.MAX_VALUE)
                .thenConsumeWhile(update -> true)
                .expectError()
                .verify(Duration.ofSeconds(5));

        StepVerifier.create(updates.ofRegion("halland"))
                .then(() -> updates.published(new ReadModelUpdates.Update("needs", "halland", "need-1", 2_000)))
                .expectNextMatches(update -> update.version() == 2_000)
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }
}
