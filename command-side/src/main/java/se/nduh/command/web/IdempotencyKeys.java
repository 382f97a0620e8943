package se.nduh.command.web;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import se.nduh.command.web.CommandSender.Accepted;
import se.nduh.command.web.CommandSender.Answer;
import se.nduh.infrastructure.mongo.DatabaseAway;
import se.nduh.infrastructure.mongo.MongoProperties;
import se.nduh.kernel.hash.Hashes;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Makes a command safe to send again: a request carrying an {@code Idempotency-Key} header is carried out
 * once per user and key, and a repeat gets the first answer back. The key is claimed before the command is
 * sent and released if the command is refused, so a refused command leaves nothing behind.
 * <p>
 * A claim is held for a lease ({@code nduh.idempotency.lease}); the claim's id goes onto every event its command
 * stores, and a command still running when the lease ends stores nothing ({@link IdempotencyClaims}). So a retry
 * that finds the claim still pending after its lease knows the first attempt died: if the aggregate holds events
 * carrying the claim, the command was carried out and the retry answers as the first attempt would have;
 * otherwise the retry takes the claim over and sends the command itself. What a request creates gets an id named
 * by its user and key ({@link #newId}), so that the dead attempt and the retry create the same aggregate or part,
 * and a dead attempt whose events land after all cannot have made a second one ({@link IdempotencyClaims}).
 */
@Component
class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";
    static final String COLLECTION = "command_idempotency";

    private final MongoCollection<Document> keys;
    private final EventStorageEngine events;
    private final Duration lease;

    IdempotencyKeys(MongoClient client, MongoProperties properties, EventStorageEngine events,
                    @Value("${nduh.idempotency.lease}") Duration lease) {
        this.keys = client.getDatabase(properties.eventsDatabase()).getCollection(COLLECTION);
        this.events = events;
        this.lease = lease;
    }

    /**
     * The id of what a user's request with this key creates, the same for every attempt: a UUID of version 8 whose
     * bits are the SHA-256 of the user and the key, each length-prefixed so that no user's key can name another
     * user's id.
     */
    static String newId(String userId, String key) {
        byte[] hash = Hashes.sha256(Hashes.lengthPrefixed(List.of(userId, key)));
        hash[6] = (byte) (hash[6] & 0x0f | 0x80);
        hash[8] = (byte) (hash[8] & 0x3f | 0x80);
        ByteBuffer bits = ByteBuffer.wrap(hash);
        return new UUID(bits.getLong(), bits.getLong()).toString();
    }

    /** A command to carry out once: the aggregate it stores events for, its answer but the version, and its sending. */
    record Command(String aggregateId, Answer answer, Function<MetaData, Mono<Long>> send) {
    }

    Mono<ResponseEntity<Accepted>> once(String userId, String key, String request, Command command) {
        String id = userId + "|" + key;
        String claimId = UUID.randomUUID().toString();
        Instant claimedAt = now();
        Document claim = new Document("_id", id).append("request", request).append("state", "pending")
                .append("claim", claimId).append("claimedAt", Date.from(claimedAt));
        claim.putAll(fieldsOf(command));
        return Mono.from(keys.insertOne(claim)).thenReturn(true)
                .onErrorResume(IdempotencyKeys::alreadyClaimed, e -> Mono.just(false))
                .flatMap(claimed -> claimed
                        ? carryOut(id, claimId, claimedAt, command, IdempotencyClaims.metaData(claimId, claimedAt.plus(lease)))
                        : repeat(id, request, command));
    }

    private Mono<ResponseEntity<Accepted>> carryOut(String id, String claimId, Instant claimedAt, Command command, MetaData claim) {
        return command.send().apply(claim)
                .onErrorResume(e -> failed(e, id, claimId, claimedAt, command, claim))
                // not released if the answer cannot be recorded: the events are stored, and a retry will find them
                .flatMap(version -> done(id, claimedAt, version).thenReturn(command.answer().at(version)));
    }

    /**
     * A refused command releases its key; one that met a database that did not answer keeps it: its events may be
     * stored all the same (the store committed, the answer was lost), and the retry after the lease looks for them.
     * Releasing it would let a retry carry the command out a second time. A retry that took the claim over may be
     * refused because the dead attempt's events landed after all: then they are the answer.
     */
    private Mono<Long> failed(Throwable e, String id, String claimId, Instant claimedAt, Command command, MetaData claim) {
        if (DatabaseAway.causedBy(e)) {
            return Mono.error(e);
        }
        Mono<Long> storedBefore = claim.containsKey(IdempotencyClaims.TAKEN_OVER) ? storedBy(command.aggregateId(), claimId) : Mono.empty();
        return storedBefore.switchIfEmpty(Mono.defer(() -> Mono.from(keys.deleteOne(held(id, claimedAt))).then(Mono.error(e))));
    }

    private Mono<ResponseEntity<Accepted>> repeat(String id, String request, Command command) {
        return Mono.from(keys.find(Filters.eq("_id", id)).first())
                // released by a refused first attempt since this one found it claimed
                .switchIfEmpty(Mono.error(IdempotencyKeys::stillRunning))
                .flatMap(stored -> {
                    if (!request.equals(stored.getString("request"))) {
                        return Mono.error(new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY,
                                "This Idempotency-Key was already used for another request (another method, path or body)."));
                    }
                    if ("done".equals(stored.getString("state"))) {
                        return Mono.just(answerOf(stored).at(stored.getLong("version")));
                    }
                    Instant claimedAt = stored.getDate("claimedAt").toInstant();
                    if (now().isBefore(claimedAt.plus(lease))) {
                        return Mono.error(stillRunning());
                    }
                    return recover(id, stored, claimedAt, command);
                });
    }

    /** The first attempt died holding the claim: answer from its events if it stored any, else carry the command out. */
    private Mono<ResponseEntity<Accepted>> recover(String id, Document stored, Instant claimedAt, Command command) {
        String claimId = stored.getString("claim");
        return storedBy(stored.getString("aggregate"), claimId)
                .flatMap(version -> done(id, claimedAt, version).thenReturn(answerOf(stored).at(version)))
                .switchIfEmpty(Mono.defer(() -> takeOver(id, claimId, claimedAt, command)));
    }

    /** Only one retry takes the claim over: the one whose update still finds it as the dead attempt left it. */
    private Mono<ResponseEntity<Accepted>> takeOver(String id, String claimId, Instant claimedBefore, Command command) {
        Instant claimedAt = now();
        return Mono.from(keys.updateOne(held(id, claimedBefore),
                        new Document("$set", fieldsOf(command).append("claimedAt", Date.from(claimedAt)))))
                .flatMap(result -> result.getMatchedCount() == 1
                        ? carryOut(id, claimId, claimedAt, command,
                                IdempotencyClaims.takenOver(claimId, claimedAt.plus(lease), command.aggregateId()))
                        : Mono.error(stillRunning()));
    }

    private Mono<Void> done(String id, Instant claimedAt, long version) {
        return Mono.from(keys.updateOne(held(id, claimedAt),
                Updates.combine(Updates.set("state", "done"), Updates.set("version", version)))).then();
    }

    /** The version the aggregate reached with the last event carrying the claim; empty if none does. */
    private Mono<Long> storedBy(String aggregateId, String claimId) {
        return Mono.fromCallable(() -> IdempotencyClaims.versionStoredBy(events, aggregateId, claimId).orElse(null))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The claim as this attempt made or took it: not yet released, finished or taken over by another. */
    private static Bson held(String id, Instant claimedAt) {
        return Filters.and(Filters.eq("_id", id), Filters.eq("state", "pending"), Filters.eq("claimedAt", Date.from(claimedAt)));
    }

    /** What a retry needs to find the command's events and answer as it would have: its aggregate and answer. */
    private static Document fieldsOf(Command command) {
        URI location = command.answer().location();
        return new Document("aggregate", command.aggregateId()).append("status", command.answer().status().value())
                .append("id", command.answer().id()).append("location", location == null ? null : location.toString());
    }

    private static Answer answerOf(Document stored) {
        String location = stored.getString("location");
        return new Answer(HttpStatus.valueOf(stored.getInteger("status")), stored.getString("id"),
                location == null ? null : URI.create(location));
    }

    private static ResponseStatusException stillRunning() {
        return new ResponseStatusException(HttpStatus.CONFLICT,
                "A request with this Idempotency-Key is still being carried out; try again shortly.");
    }

    /** Now, to the millisecond a stored date keeps, so that a claim's time compares equal to itself. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static boolean alreadyClaimed(Throwable e) {
        return e instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
