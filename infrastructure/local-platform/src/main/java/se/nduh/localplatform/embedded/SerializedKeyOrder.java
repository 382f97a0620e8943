package se.nduh.localplatform.embedded;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded server's index maps in H2: the very order H2 gives these keys (their Java
 * serialization's bytes, compared as H2 compares them), written and read as H2 does, but each key serialized once
 * instead of at every comparison and every write of its page. mongo-java-server's index keys are not
 * {@code Comparable}, so H2 serialized both keys of every comparison of every lookup (most of the cost of finding a
 * document by a unique key), and every key of every index page a commit wrote (a third of a command's cost).
 */
final class SerializedKeyOrder extends ObjectDataType {

    /** H2's {@code ObjectDataType.TYPE_SERIALIZED_OBJECT}, not public. */
    private static final byte SERIALIZED_OBJECT = 19;
    /** By identity, for as long as H2 keeps the key (a page in its cache) or a lookup holds it. */
    private static final Cache<Object, byte[]> SERIALIZED = Caffeine.newBuilder().weakKeys().maximumSize(50_000).build();

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue && b instanceof KeyValue) {
            return a == b ? 0 : compareNotNull(bytesOf(a), bytesOf(b));
        }
        return super.compare(a, b);
    }

    /** Exactly as H2 writes a serialized object: its type, the length, the bytes. */
    @Override
    public void write(WriteBuffer buffer, Object key) {
        if (key instanceof KeyValue) {
            byte[] bytes = bytesOf(key);
            buffer.put(SERIALIZED_OBJECT).putVarInt(bytes.length).put(bytes);
        } else {
            super.write(buffer, key);
        }
    }

    /**
     * What H2 counts for a serialized object in its page cache, twice its bytes, per key: H2 keeps a running average
     * of the objects it serializes and reads, which the writes above no longer feed.
     */
    @Override
    public int getMemory(Object key) {
        return key instanceof KeyValue ? 2 * bytesOf(key).length : super.getMemory(key);
    }

    private static byte[] bytesOf(Object key) {
        return SERIALIZED.get(key, ObjectDataType::serialize);
    }
}
