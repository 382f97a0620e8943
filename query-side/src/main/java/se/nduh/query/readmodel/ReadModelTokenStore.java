package se.nduh.query.readmodel;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;

/**
 * The processors' token store: before a batch's token is stored, the batch's read-model writes are sent
 * ({@link ReadModelWrites}), so that a token stored never covers a write that was not, and a crash between the two
 * only makes the processor handle the batch again over writes guarded by version.
 */
public class ReadModelTokenStore extends MongoTokenStore {

    public ReadModelTokenStore(MongoTokenStore.Builder builder) {
        super(builder);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        ReadModelWrites.flushBeforeToken();
        super.storeToken(token, processorName, segment);
    }
}
