package se.nduh.infrastructure.mongo;

import com.mongodb.WriteConcern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Writes wait for the journal unless the operators' URI says otherwise. */
class MongoConfigurationTest {

    @Test
    void writes_are_journaled_on_a_majority_by_default() {
        assertThat(MongoConfiguration.settings(properties("mongodb://db.example:27017")).getWriteConcern())
                .isEqualTo(WriteConcern.MAJORITY.withJournal(true));
    }

    @Test
    void a_write_concern_in_the_uri_is_kept() {
        assertThat(MongoConfiguration.settings(properties("mongodb://db.example:27017/?w=2&journal=true")).getWriteConcern())
                .isEqualTo(new WriteConcern(2).withJournal(true));
    }

    private static MongoProperties properties(String uri) {
        return new MongoProperties(uri, "nduh_events", "nduh_read");
    }
}
