package se.nduh.kernel.signing;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import se.nduh.kernel.hash.Hashes;
import se.nduh.kernel.period.Period;

import java.util.Arrays;

/**
 * How a published record is signed: Ed25519 over its topic, key and value (length-prefixed, a tombstone's value
 * as absent), so a signature holds for that one record on that one topic, tombstones included. The signer's raw
 * public key and the signature travel base64-encoded in the record's headers {@value #SIGNER_HEADER} and
 * {@value #SIGNATURE_HEADER}.
 *
 * <p>A region has two kinds of key, both derived from its secret key: its own, whose public key the network
 * knows (it signs what names the region), and one per period, whose public key <em>is</em> the period's
 * pseudonym (its hash), so that only the region can sign as its pseudonym while nobody learns whose it is.
 */
public final class RecordSignatures {

    public static final String SIGNER_HEADER = "nduh-signer";
    public static final String SIGNATURE_HEADER = "nduh-signature";

    private RecordSignatures() {
    }

    /** The key that signs what names the region; its public key is the region's, in the network's configuration. */
    public static SigningKey regionKey(byte[] regionSecret) {
        return SigningKey.fromSeed(Hashes.hmacSha256(regionSecret, "region-signing-key"));
    }

    /** The key that signs the region's pseudonymous records of a period; its public key gives the pseudonym. */
    public static SigningKey periodKey(byte[] regionSecret, Period period) {
        return SigningKey.fromSeed(Hashes.hmacSha256(regionSecret, "period-signing-key|" + period.value()));
    }

    /** The bytes that are signed. */
    public static byte[] message(String topic, String key, String value) {
        return Hashes.lengthPrefixed(Arrays.asList(topic, key, value));
    }

    /** True when the signature is the public key's over the message; false for anything malformed. */
    public static boolean verifies(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != Ed25519PublicKeyParameters.KEY_SIZE || signature.length != Ed25519PublicKeyParameters.KEY_SIZE * 2) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }
}
