package se.nduh.localplatform.embedded;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded server's index maps in H2: the very order H2 gives these keys (their Java
 * serialization's bytes, compared as H2 compares them), written and read as H2 does, but each key serialized once
 * instead of at every comparison. mongo-java-server's index keys are not {@code Comparable}, so H2 serialized both
 * keys of every comparison of every lookup: most of the cost of finding a document by a unique key.
 */
final class SerializedKeyOrder extends ObjectDataType {

    /** By identity, for as long as H2 keeps the key (a page in its cache) or a lookup holds it. */
    private static final Cache<Object, byte[]> SERIALIZED = Caffeine.newBuilder().weakKeys().maximumSize(50_000).build();

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue && b instanceof KeyValue) {
            return a == b ? 0 : compareNotNull(bytesOf(a), bytesOf(b));
        }
        return super.compare(a, b);
    }

    private static byte[] bytesOf(Object key) {
        return SERIALIZED.get(key, ObjectDataType::serialize);
    }
}
