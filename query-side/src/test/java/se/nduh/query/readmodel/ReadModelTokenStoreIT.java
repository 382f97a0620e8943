package se.nduh.query.readmodel;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import se.nduh.infrastructure.mongo.MongoConfiguration;
import se.nduh.localplatform.testing.RunningServers;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor's token is journaled when its batch handled events (their read-model writes are then in the journal with
 * it) and when a reset stores it; a token that only moves past events no handler took is not, nor a claim's extension.
 */
class ReadModelTokenStoreIT {

    private static final String PROCESSOR = "tokens-journaled-or-not";

    private final List<BsonDocument> tokenUpdates = new CopyOnWriteArrayList<>();

    @Test
    void tokens_past_events_no_handler_took_and_claim_extensions_skip_the_journal() {
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(RunningServers.mongo().connectionString()))
                .addCommandListener(recordingTokenUpdates()).build())) {
            MongoDatabase read = client.getDatabase("read_token_journal");
            ReadModelTokenStore tokens = new ReadModelTokenStore(
                    MongoTokenStore.builder().serializer(JacksonSerializer.defaultSerializer())
                            .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(read.withWriteConcern(MongoConfiguration.DURABLE)).build()),
                    DefaultMongoTemplate.builder().mongoDatabase(read.withWriteConcern(MongoConfiguration.REBUILDABLE)).build());
            tokens.initializeTokenSegments(PROCESSOR, 1, position(1));
            tokens.fetchToken(PROCESSOR, 0);

            tokens.storeToken(position(2), PROCESSOR, 0);
            new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("handled")))
                    .execute(() -> tokens.storeToken(position(3), PROCESSOR, 0));
            tokens.storeToken(ReplayToken.createReplayToken(position(3), null), PROCESSOR, 0);
            tokens.extendClaim(PROCESSOR, 0);

            assertThat(tokenUpdates).extracting(ReadModelTokenStoreIT::journaled).containsExactly(false, true, true, false);
            assertThat(tokens.fetchToken(PROCESSOR, 0)).isInstanceOf(ReplayToken.class);
        }
    }

    private CommandListener recordingTokenUpdates() {
        return new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("update") && event.getCommand().getString("update").getValue().equals("trackingtokens")) {
                    tokenUpdates.add(event.getCommand());
                }
            }
        };
    }

    private static boolean journaled(BsonDocument update) {
        BsonDocument concern = update.getDocument("writeConcern", new BsonDocument());
        return concern.getBoolean("j", BsonBoolean.FALSE).getValue();
    }

    private static TrackingToken position(long index) {
        return GapAwareTrackingToken.newInstance(index, Set.of());
    }
}
