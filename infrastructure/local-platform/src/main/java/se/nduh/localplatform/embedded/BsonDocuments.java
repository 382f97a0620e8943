package se.nduh.localplatform.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.Map;

/**
 * The value type of the embedded server's document maps in H2: each document as BSON, the server's own wire
 * encoding, instead of H2's default, a Java serialization of each document with its class descriptors. Writing and
 * reading pages of documents that way was most of the server's work (a commit serialized every document of every
 * page it wrote). Documents stored before are still read: H2's encoding starts with a tag of its own, below
 * {@value #BSON}.
 */
final class BsonDocuments extends BasicDataType<Document> {

    /** The first byte of a document stored as BSON; H2's own encoding uses 0 to 119. */
    static final byte BSON = 127;
    private static final ObjectDataType EARLIER = new ObjectDataType();

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, bson);
            buffer.put(BSON);
            buffer.put(bson.nioBuffer());
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) EARLIER.read(buffer);
        }
        buffer.get();
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer bson = buffer.slice();
        bson.limit(length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    /** What a document takes in H2's page cache, roughly: the cache is sized by these estimates. */
    @Override
    public int getMemory(Document document) {
        return memoryOf(document);
    }

    private static int memoryOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            int memory = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                memory += 32 + memoryOf(entry.getKey()) + memoryOf(entry.getValue());
            }
            return memory;
        }
        if (value instanceof Collection<?> values) {
            return 40 + values.stream().mapToInt(element -> 8 + memoryOf(element)).sum();
        }
        if (value instanceof CharSequence text) {
            return 48 + 2 * text.length();
        }
        if (value instanceof byte[] bytes) {
            return 24 + bytes.length;
        }
        return 24;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
