package se.nduh.localplatform.embedded;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * The key type of the embedded server's index maps in H2: the very order H2 gives these keys (their Java
 * serialization's bytes, compared as H2 compares them), written and read as H2 does, but each key serialized once
 * instead of at every comparison and every write of its page. mongo-java-server's index keys are not
 * {@code Comparable}, so H2 serialized both keys of every comparison of every lookup (most of the cost of finding a
 * document by a unique key), and every key of every index page a commit wrote (a third of a command's cost). A key
 * read from a page keeps the bytes it was read from: at 100,000 events most keys a commit wrote again had been read
 * back from the file and were serialized anew, the store's largest cost in a rebuild. The same for the object ids H2
 * also serializes with Java serialization (the events' {@code _id}, keys of their documents' map and values of their
 * indexes): each commit wrote the ids of every page on the path to the event it added, and their serialization was a
 * fifth of what the server allocated. Object ids keep their own order ({@code compareTo}, as H2 compares them).
 */
final class SerializedKeyOrder extends ObjectDataType {

    /** H2's {@code ObjectDataType.TYPE_SERIALIZED_OBJECT}, not public. */
    private static final byte SERIALIZED_OBJECT = 19;
    /**
     * By identity, for as long as H2 keeps the key (a page in its cache) or a lookup holds it; at most some tens of MB,
     * about as many keys as H2's page cache holds.
     */
    private static final Cache<Object, byte[]> SERIALIZED = Caffeine.newBuilder().weakKeys().maximumSize(200_000).build();

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
        if (serializedOnce(key)) {
            byte[] bytes = bytesOf(key);
            buffer.put(SERIALIZED_OBJECT).putVarInt(bytes.length).put(bytes);
        } else {
            super.write(buffer, key);
        }
    }

    /** As H2 reads a serialized object, keeping a key's bytes for the next write of its page. */
    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != SERIALIZED_OBJECT) {
            return super.read(buffer);
        }
        buffer.get();
        byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bytes);
        Object key = deserialize(bytes);
        if (serializedOnce(key)) {
            SERIALIZED.put(key, bytes);
        }
        return key;
    }

    /** Whether the key's bytes are kept, so that writing its page again does not serialize it. */
    static boolean kept(Object key) {
        return SERIALIZED.getIfPresent(key) != null;
    }

    /**
     * What H2 counts for a serialized object in its page cache, twice its bytes, per key: H2 keeps a running average
     * of the objects it serializes and reads, which the writes above no longer feed.
     */
    @Override
    public int getMemory(Object key) {
        return serializedOnce(key) ? 2 * bytesOf(key).length : super.getMemory(key);
    }

    /** The objects H2 writes with Java serialization that the server's maps hold many of. */
    private static boolean serializedOnce(Object key) {
        return key instanceof KeyValue || key instanceof ObjectId;
    }

    private static byte[] bytesOf(Object key) {
        return SERIALIZED.get(key, ObjectDataType::serialize);
    }
}
