package se.nduh.query.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import se.nduh.localplatform.testing.RunningServers;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read database from before the event store's global index holds timestamp tokens, which the index's tokens cannot
 * be compared with: they are dropped when the query side starts, so their processors start again from the first
 * event; the index's own tokens stay.
 */
class TimestampTokensIT {

    private static final Serializer JSON = JacksonSerializer.defaultSerializer();

    @Test
    void timestamp_tokens_are_dropped_and_global_index_tokens_kept() {
        try (MongoClient client = MongoClients.create(RunningServers.mongo().connectionString())) {
            MongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(client, "read_timestamp_tokens").build();
            MongoTokenStore tokens = MongoTokenStore.builder().mongoTemplate(template).serializer(JSON).build();
            TrackingToken timestamp = MongoTrackingToken.of(Instant.now(), Map.of());
            TrackingToken index = GapAwareTrackingToken.newInstance(41, Set.of(40L));
            tokens.initializeTokenSegments("tracking-by-timestamp", 1, timestamp);
            tokens.initializeTokenSegments("never-past-its-first-head", 1, ReplayToken.createReplayToken(timestamp, null));
            tokens.initializeTokenSegments("tracking-by-index", 1, index);
            tokens.initializeTokenSegments("rebuilding-by-index", 1, ReplayToken.createReplayToken(index, null));

            ReadModelConfiguration.dropTimestampTokens(template.trackingTokensCollection(), JSON);

            assertThat(tokens.fetchSegments("tracking-by-timestamp")).isEmpty();
            assertThat(tokens.fetchSegments("never-past-its-first-head")).isEmpty();
            assertThat(tokens.fetchToken("tracking-by-index", 0)).isEqualTo(index);
            assertThat(tokens.fetchToken("rebuilding-by-index", 0)).isInstanceOf(ReplayToken.class);
        }
    }
}
