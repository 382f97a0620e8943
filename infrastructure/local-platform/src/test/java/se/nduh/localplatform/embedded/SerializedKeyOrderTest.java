package se.nduh.localplatform.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The faster key order is H2's own: an index or document map written before it is read by it, every comparison
 * agrees, and every key is written byte for byte as H2 writes it.
 */
class SerializedKeyOrderTest {

    private final Random random = new Random(7);

    @Test
    void every_comparison_has_the_sign_h2s_own_order_gives() {
        ObjectDataType h2 = new ObjectDataType();
        SerializedKeyOrder ours = new SerializedKeyOrder();
        List<KeyValue> keys = keys(300);
        for (KeyValue a : keys) {
            KeyValue b = keys.get(random.nextInt(keys.size()));
            assertThat(Integer.signum(ours.compare(a, b))).isEqualTo(Integer.signum(h2.compare(a, b)));
            assertThat(ours.compare(new KeyValue(copy(a)), a)).isZero();
        }
    }

    @Test
    void an_index_written_with_h2s_order_is_found_key_by_key_with_ours(@TempDir Path directory) {
        List<KeyValue> keys = keys(2_000);
        MVMap<KeyValue, Object> after = readWithOurs(writtenWithH2s(directory, keys));
        for (int i = 0; i < keys.size(); i++) {
            assertThat(after.get(new KeyValue(copy(keys.get(i))))).isEqualTo((long) i);
        }
        assertThat(after.get(new KeyValue("no such key"))).isNull();
        after.getStore().close();
    }

    @Test
    void a_key_read_back_from_the_file_keeps_its_bytes_and_is_written_as_read(@TempDir Path directory) {
        List<KeyValue> keys = keys(200);
        MVMap<KeyValue, Object> after = readWithOurs(writtenWithH2s(directory, keys));
        List<KeyValue> readBack = new ArrayList<>();
        after.keyIterator(null).forEachRemaining(readBack::add);
        assertThat(readBack).hasSameSizeAs(keys).allSatisfy(key -> {
            assertThat(SerializedKeyOrder.kept(key)).isTrue();
            assertWrittenAsH2Writes(new SerializedKeyOrder(), key);
        });
        after.getStore().close();
    }

    @Test
    void every_key_is_written_byte_for_byte_as_h2_writes_it() {
        SerializedKeyOrder ours = new SerializedKeyOrder();
        for (Object key : List.<Object>of(keys(50).get(0), keys(50).get(1), keys(50).get(2), keys(50).get(3), 42L, "text")) {
            assertWrittenAsH2Writes(ours, key);
        }
    }

    @Test
    void object_ids_keep_h2s_order_and_are_written_as_h2_writes_them_once_serialized() {
        ObjectDataType h2 = new ObjectDataType();
        SerializedKeyOrder ours = new SerializedKeyOrder();
        List<ObjectId> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(new ObjectId());
        }
        for (ObjectId a : ids) {
            ObjectId b = ids.get(random.nextInt(ids.size()));
            assertThat(Integer.signum(ours.compare(a, b))).isEqualTo(Integer.signum(h2.compare(a, b)));
            assertWrittenAsH2Writes(ours, a);
            assertThat(SerializedKeyOrder.kept(a)).isTrue();
        }
    }

    @Test
    void a_document_map_written_with_h2s_types_is_read_by_object_id_with_ours(@TempDir Path directory) {
        List<ObjectId> ids = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            ids.add(new ObjectId());
        }
        MVMap<ObjectId, Object> after = readWithOurs(writtenWithH2s(directory, ids));
        for (int i = 0; i < ids.size(); i++) {
            assertThat(after.get(new ObjectId(ids.get(i).toByteArray()))).isEqualTo((long) i);
        }
        after.getStore().close();
    }

    private static void assertWrittenAsH2Writes(SerializedKeyOrder ours, Object key) {
        WriteBuffer theirs = new WriteBuffer();
        WriteBuffer mine = new WriteBuffer();
        new ObjectDataType().write(theirs, key);
        ours.write(mine, key);
        assertThat(bytes(mine)).as("%s", key).isEqualTo(bytes(theirs));
    }

    /** A map file written with H2's own types, each key's value its place in the list. */
    private static <K> String writtenWithH2s(Path directory, List<K> keys) {
        String file = directory.resolve("index.mv").toString();
        MVStore written = MVStore.open(file);
        MVMap<K, Object> index = written.openMap("index");
        for (int i = 0; i < keys.size(); i++) {
            index.put(keys.get(i), (long) i);
        }
        written.close();
        return file;
    }

    /** The map read back as the embedded server opens its maps: keys and values (ids) in our type. */
    private static <K> MVMap<K, Object> readWithOurs(String file) {
        return MVStore.open(file).openMap("index",
                new MVMap.Builder<K, Object>().keyType(new SerializedKeyOrder()).valueType(new SerializedKeyOrder()));
    }

    private static byte[] bytes(WriteBuffer buffer) {
        ByteBuffer written = buffer.getBuffer().flip();
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);
        return bytes;
    }

    /** Keys as the event store's indexes hold them: strings, numbers, pairs of both, object ids. */
    private List<KeyValue> keys(int count) {
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(switch (i % 4) {
                case 0 -> new KeyValue("vastra-gotaland-2090/" + random.nextInt(20_000));
                case 1 -> new KeyValue((long) random.nextInt(1_000_000));
                case 2 -> new KeyValue("n-" + random.nextInt(5_000), random.nextInt(200));
                default -> new KeyValue(new ObjectId());
            });
        }
        return keys.stream().distinct().toList();
    }

    private static Object[] copy(KeyValue key) {
        List<Object> values = new ArrayList<>();
        key.forEach(values::add);
        return values.toArray();
    }
}
