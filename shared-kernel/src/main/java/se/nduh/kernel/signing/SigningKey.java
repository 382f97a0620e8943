package se.nduh.kernel.signing;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 private key made from a 32-byte seed, so that a region can derive the same key again from its
 * secret instead of storing one more key.
 */
public final class SigningKey {

    private final Ed25519PrivateKeyParameters key;
    /** Derived once: deriving it is a scalar multiplication, and every signed record carries it. */
    private final byte[] publicKey;

    private SigningKey(Ed25519PrivateKeyParameters key) {
        this.key = key;
        this.publicKey = key.generatePublicKey().getEncoded();
    }

    public static SigningKey fromSeed(byte[] seed) {
        if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("An Ed25519 seed has 32 bytes, not " + seed.length);
        }
        return new SigningKey(new Ed25519PrivateKeyParameters(seed, 0));
    }

    /** The raw 32-byte public key, as the signer header carries it. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }
}
