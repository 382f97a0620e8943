package se.nduh.query.audit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.nduh.infrastructure.eventstore.ChainVerifier;
import se.nduh.infrastructure.mongo.MongoProperties;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.kernel.hash.Hashes;
import se.nduh.kernel.region.Region;
import se.nduh.kernel.region.RegionCode;
import se.nduh.kernel.signing.SigningKey;
import se.nduh.query.keys.RegionKeys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Checkpoints of each region's event record: the Merkle root over its aggregates' last events up to a settled
 * position of the store, signed with the region's key. An auditor who keeps one can later have the platform prove
 * that nothing at or below that position has changed ({@link ChainVerificationController}); the platform keeps them
 * too, taken every {@code nduh.audit.checkpoint-every} and on a revisor's request.
 */
@Component
class ChainCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(ChainCheckpoints.class);
    /** Names the signed form, so that a signature over a checkpoint cannot stand for anything else. */
    private static final String SIGNED_FORM = "nduh-chain-checkpoint-v1";

    /**
     * @param signer    the region's public signing key, base64 (the one the network knows it by)
     * @param signature Ed25519 over {@link #signedBytes}, base64
     */
    record Checkpoint(String region, long position, String root, long events, int aggregates, Instant takenAt,
                      String signer, String signature) {
    }

    /** A kept checkpoint checked: the root recomputed from the store as it is now, and whether it is still the kept one. */
    record CheckpointCheck(long position, String root, String recomputedRoot, boolean holds, Instant takenAt, String signer,
                           String signature) {
    }

    /** What a checkpoint's signature is over: its region, position, root and time. */
    static byte[] signedBytes(String region, long position, String root, Instant takenAt) {
        return Hashes.lengthPrefixed(List.of(SIGNED_FORM, region, Long.toString(position), root, takenAt.toString()));
    }

    private final ChainVerifier verifier;
    private final MongoCollection<Document> checkpoints;
    private final RegionDirectory regions;
    private final RegionKeys keys;

    ChainCheckpoints(MongoClient client, MongoProperties properties, RegionDirectory regions, RegionKeys keys) {
        this.verifier = new ChainVerifier(client.getDatabase(properties.eventsDatabase()).getCollection("domainevents"));
        this.checkpoints = client.getDatabase(properties.readDatabase()).getCollection("audit_checkpoints");
        checkpoints.createIndex(Indexes.ascending("region", "position")); // a region's latest, and its pages
        this.regions = regions;
        this.keys = keys;
    }

    ChainVerifier verifier() {
        return verifier;
    }

    /** A checkpoint of the region at the store's settled position, stored and signed. */
    Checkpoint take(RegionCode region, LongConsumer progress) {
        long position = verifier.settledPosition();
        ChainVerifier.Result result = verifier.verify(region.value(), position, progress);
        Instant takenAt = Instant.now();
        SigningKey key = keys.regionSigningKey(region);
        Checkpoint checkpoint = new Checkpoint(region.value(), position, result.root(), result.events(), result.aggregates(), takenAt,
                Base64.getEncoder().encodeToString(key.publicKey()),
                Base64.getEncoder().encodeToString(key.sign(signedBytes(region.value(), position, result.root(), takenAt))));
        try {
            checkpoints.insertOne(toDocument(checkpoint));
        } catch (MongoWriteException e) {
            // The same position taken twice: the one stored first stands.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        return checkpoint;
    }

    /** Every served region's checkpoint, at intervals. */
    @Scheduled(initialDelayString = "${nduh.audit.checkpoint-every}", fixedDelayString = "${nduh.audit.checkpoint-every}")
    void takeForEveryRegion() {
        for (Region region : regions.served()) {
            try {
                take(region.code(), read -> { });
            } catch (RuntimeException e) {
                log.warn("No checkpoint of {} this time: {}", region.code().value(), e.toString());
            }
        }
    }

    /** Whether the kept checkpoint's root is still that of the region's record up to its position. */
    CheckpointCheck check(Checkpoint kept) {
        String recomputed = verifier.verify(kept.region(), kept.position(), read -> { }).root();
        return new CheckpointCheck(kept.position(), kept.root(), recomputed, recomputed.equals(kept.root()), kept.takenAt(),
                kept.signer(), kept.signature());
    }

    /** The region's checkpoint at the position, or its latest when the position is null. */
    Optional<Checkpoint> find(String region, Long position) {
        return Optional.ofNullable(checkpoints.find(position == null ? Filters.eq("region", region)
                        : Filters.and(Filters.eq("region", region), Filters.eq("position", position)))
                .sort(Sorts.descending("position")).first()).map(ChainCheckpoints::fromDocument);
    }

    /** The region's checkpoints, newest first. */
    List<Checkpoint> list(String region, int page, int size) {
        List<Checkpoint> found = new ArrayList<>();
        checkpoints.find(Filters.eq("region", region)).sort(Sorts.descending("position")).skip(page * size).limit(size)
                .map(ChainCheckpoints::fromDocument).into(found);
        return found;
    }

    long count(String region) {
        return checkpoints.countDocuments(Filters.eq("region", region));
    }

    private static Document toDocument(Checkpoint checkpoint) {
        return new Document("_id", checkpoint.region() + "@" + checkpoint.position()).append("region", checkpoint.region())
                .append("position", checkpoint.position()).append("root", checkpoint.root()).append("events", checkpoint.events())
                .append("aggregates", checkpoint.aggregates()).append("takenAt", checkpoint.takenAt().toString())
                .append("signer", checkpoint.signer()).append("signature", checkpoint.signature());
    }

    private static Checkpoint fromDocument(Document document) {
        return new Checkpoint(document.getString("region"), document.getLong("position"), document.getString("root"),
                document.getLong("events"), document.getInteger("aggregates"), Instant.parse(document.getString("takenAt")),
                document.getString("signer"), document.getString("signature"));
    }
}
