package se.nduh.infrastructure.eventstore;

import se.nduh.kernel.hash.Hashes;

import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle tree hash of RFC 9162 (Certificate Transparency 2.0, section 2.1.1): leaves hashed with a 0x00 prefix,
 * nodes with 0x01, the left subtree the largest power of two smaller than the whole. One root stands for every
 * leaf and its order, so a kept root proves later that none of them changed.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    /** The root over the leaves, hex; of no leaves, SHA-256 of nothing. */
    public static String root(List<byte[]> leaves) {
        return HexFormat.of().formatHex(hash(leaves, 0, leaves.size()));
    }

    private static byte[] hash(List<byte[]> leaves, int from, int to) {
        int count = to - from;
        if (count == 0) {
            return Hashes.sha256(new byte[0]);
        }
        if (count == 1) {
            return Hashes.sha256(prefixed((byte) 0x00, leaves.get(from)));
        }
        int split = Integer.highestOneBit(count - 1);
        return Hashes.sha256(prefixed((byte) 0x01, hash(leaves, from, from + split), hash(leaves, from + split, to)));
    }

    private static byte[] prefixed(byte prefix, byte[]... parts) {
        int length = 1;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] bytes = new byte[length];
        bytes[0] = prefix;
        int at = 1;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, bytes, at, part.length);
            at += part.length;
        }
        return bytes;
    }
}
