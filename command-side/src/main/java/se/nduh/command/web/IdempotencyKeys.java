package se.nduh.command.web;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import se.nduh.command.web.CommandSender.Accepted;
import se.nduh.infrastructure.mongo.MongoProperties;

import java.net.URI;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Makes a command safe to send again: a request carrying an {@code Idempotency-Key} header is carried out
 * once per user and key, and a repeat gets the first answer back. The key is claimed before the command is
 * sent and released if the command is refused, so a refused command leaves nothing behind.
 */
@Component
class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";

    private final MongoCollection<Document> keys;

    IdempotencyKeys(MongoClient client, MongoProperties properties) {
        this.keys = client.getDatabase(properties.eventsDatabase()).getCollection("command_idempotency");
    }

    Mono<ResponseEntity<Accepted>> once(String userId, String key, String request, Supplier<Mono<ResponseEntity<Accepted>>> send) {
        String id = userId + "|" + key;
        Document claim = new Document("_id", id).append("request", request).append("state", "pending")
                .append("claimedAt", Instant.now().toString());
        return Mono.from(keys.insertOne(claim))
                .then(Mono.defer(send))
                .flatMap(answer -> Mono.from(keys.updateOne(Filters.eq("_id", id), Updates.combine(
                                Updates.set("state", "done"), Updates.set("status", answer.getStatusCode().value()),
                                Updates.set("id", answer.getBody().id()), Updates.set("version", answer.getBody().version()),
                                Updates.set("location", answer.getHeaders().getLocation() == null ? null
                                        : answer.getHeaders().getLocation().toString()))))
                        .thenReturn(answer))
                .onErrorResume(IdempotencyKeys::alreadyClaimed, e -> replay(id, request))
                .onErrorResume(e -> !(e instanceof ResponseStatusException),
                        e -> Mono.from(keys.deleteOne(Filters.eq("_id", id))).then(Mono.error(e)));
    }

    private Mono<ResponseEntity<Accepted>> replay(String id, String request) {
        return Mono.from(keys.find(Filters.eq("_id", id)).first()).flatMap(stored -> {
            if (!request.equals(stored.getString("request"))) {
                return Mono.error(new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY,
                        "This Idempotency-Key was already used for another request (another method, path or body)."));
            }
            if (!"done".equals(stored.getString("state"))) {
                return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT,
                        "A request with this Idempotency-Key is still being carried out; try again shortly."));
            }
            String location = stored.getString("location");
            ResponseEntity.BodyBuilder answer = ResponseEntity.status(stored.getInteger("status"));
            if (location != null) {
                answer.location(URI.create(location));
            }
            return Mono.just(answer.body(new Accepted(stored.getString("id"), stored.getLong("version"))));
        });
    }

    private static boolean alreadyClaimed(Throwable e) {
        return e instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
