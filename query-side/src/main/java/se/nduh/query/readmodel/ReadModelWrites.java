package se.nduh.query.readmodel;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read-model writes of a processor's batch, sent together: each collection's in one ordered bulk write, in the
 * order the events made them, just before the processor stores the batch's token ({@link ReadModelTokenStore}), so a
 * token never covers a write that is not stored. A write per event was a round trip per event, and a rebuild or a
 * processor catching up spent its time waiting on them.
 * <p>
 * Outside a processor's batch (a Kafka subscription, a request, a dead letter retried) every write goes at once. A projection that reads a read
 * model while handling an event reads what the batch wrote so far: a read in a unit of work sends the batch's writes
 * first. When sending a batch's writes fails, the processor tries the batch again with each write sent at once, so that
 * a write that fails belongs to its own event, which its dead-letter policy then parks.
 */
public final class ReadModelWrites {

    private static final String RESOURCE = ReadModelWrites.class.getName();
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);
    /** Set on a processor's thread when its batch's writes failed: its next batch writes at once. */
    private static final ThreadLocal<Boolean> AT_ONCE = ThreadLocal.withInitial(() -> false);

    private final Map<MongoCollection<Document>, List<WriteModel<Document>>> pending = new LinkedHashMap<>();

    private ReadModelWrites() {
    }

    /** Keeps the write for the current batch, or answers false when it is to be sent at once. */
    static boolean buffered(MongoCollection<Document> collection, WriteModel<Document> write) {
        // Only a processor's batch: a dead letter retried by an operator is removed from its queue before its unit of
        // work commits, so its writes must be stored by then.
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch)
                || AT_ONCE.get()) {
            return false;
        }
        ReadModelWrites writes = batch.getOrComputeResource(RESOURCE, name -> {
            ReadModelWrites created = new ReadModelWrites();
            // Should a batch ever commit without storing a token, its commit still sends its writes.
            batch.onPrepareCommit(unit -> created.send());
            return created;
        });
        writes.pending.computeIfAbsent(collection, each -> new ArrayList<>()).add(write);
        return true;
    }

    /**
     * Sends the current batch's writes so far, if any: before a read in the batch, and before its token is stored.
     * A failure fails the whole batch ({@link BatchNotStored}), never the event that happened to read, and the
     * processor's next try of the batch writes at once.
     */
    static void flush() {
        ReadModelWrites writes = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(RESOURCE) : null;
        if (writes == null) {
            return;
        }
        try {
            writes.send();
        } catch (RuntimeException e) {
            AT_ONCE.set(true);
            throw new BatchNotStored(e);
        }
    }

    /** Sends the batch's writes before its token is stored; once a batch is stored, the next ones are sent together again. */
    static void flushBeforeToken() {
        flush();
        AT_ONCE.set(false);
    }

    /** The writes of a processor's batch could not be stored: the processor tries the batch again, writing at once. */
    public static final class BatchNotStored extends RuntimeException {
        BatchNotStored(Throwable cause) {
            super("The read-model writes of a batch could not be stored; the batch is tried again, each write at once", cause);
        }
    }

    private void send() {
        pending.forEach(ReadModelWrites::send);
        pending.clear();
    }

    /**
     * One ordered bulk write; an upsert that collided on {@code _id} (a newer version is stored) changed nothing
     * and the writes after it are sent again.
     */
    static void send(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        List<WriteModel<Document>> rest = writes;
        while (!rest.isEmpty()) {
            try {
                Mono.from(collection.bulkWrite(rest, new BulkWriteOptions().ordered(true))).block(WRITE_TIMEOUT);
                return;
            } catch (MongoBulkWriteException e) {
                if (e.getWriteConcernError() != null || !e.getWriteErrors().stream()
                        .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                    throw e;
                }
                // Every write is guarded by version, so sending again one that was carried out changes nothing.
                rest = rest.subList(e.getWriteErrors().get(0).getIndex() + 1, rest.size());
            }
        }
    }
}
