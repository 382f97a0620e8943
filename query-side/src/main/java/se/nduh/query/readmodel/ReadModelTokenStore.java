package se.nduh.query.readmodel;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The processors' token store: before a batch's token is stored, the batch's read-model writes are sent
 * ({@link ReadModelWrites}), so that a token stored never covers a write that was not, and a crash between the two
 * only makes the processor handle the batch again over writes guarded by version.
 * <p>
 * Two writes do not wait for the journal, since a crash that takes them takes nothing else: a token that only moves a
 * processor past events none of its handlers take (Axon stores it outside a unit of work; a processor that starts
 * again from an older one skips the same events again), and a claim's extension, which a processor sends at the start
 * of every batch and every idle second. Each journaled write is a commit of the embedded store: a batch that handled
 * events waited for two, and nine idle processors made nine a second. A reset's
 * token (a {@link ReplayToken}, also stored outside a unit of work) is journaled: it follows the reset's removal of
 * the model.
 */
public class ReadModelTokenStore extends MongoTokenStore {

    private final MongoTokenStore unjournaled;

    /** {@code builder}'s template journals its writes; {@code unjournaled} is the same database without. */
    public ReadModelTokenStore(MongoTokenStore.Builder builder, MongoTemplate unjournaled) {
        super(builder);
        this.unjournaled = builder.mongoTemplate(unjournaled).build();
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        if (!CurrentUnitOfWork.isStarted() && !(token instanceof ReplayToken)) {
            unjournaled.storeToken(token, processorName, segment);
            return;
        }
        ReadModelWrites.flushBeforeToken();
        super.storeToken(token, processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        unjournaled.extendClaim(processorName, segment);
    }
}
