package se.nduh.infrastructure.eventstore;

import org.junit.jupiter.api.Test;
import se.nduh.kernel.hash.Hashes;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tree hash of RFC 9162, section 2.1.1, computed by hand for small trees. */
class MerkleTreeTest {

    private static final byte[] A = "a".getBytes(StandardCharsets.UTF_8);
    private static final byte[] B = "b".getBytes(StandardCharsets.UTF_8);
    private static final byte[] C = "c".getBytes(StandardCharsets.UTF_8);

    @Test
    void the_root_of_no_leaves_is_the_hash_of_nothing() {
        assertThat(MerkleTree.root(List.of())).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void a_leaf_is_hashed_with_a_zero_byte_before_it() {
        assertThat(MerkleTree.root(List.of(A))).isEqualTo(hex(leaf(A)));
    }

    @Test
    void three_leaves_split_after_the_largest_power_of_two_below_three() {
        byte[] left = node(leaf(A), leaf(B));
        assertThat(MerkleTree.root(List.of(A, B, C))).isEqualTo(hex(node(left, leaf(C))));
    }

    @Test
    void the_order_of_the_leaves_counts() {
        assertThat(MerkleTree.root(List.of(A, B))).isNotEqualTo(MerkleTree.root(List.of(B, A)));
    }

    private static byte[] leaf(byte[] data) {
        return Hashes.sha256(concat(new byte[] {0x00}, data));
    }

    private static byte[] node(byte[] left, byte[] right) {
        return Hashes.sha256(concat(new byte[] {0x01}, left, right));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
