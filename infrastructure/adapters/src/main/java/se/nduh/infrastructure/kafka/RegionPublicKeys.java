package se.nduh.infrastructure.kafka;

import java.util.Optional;

/** The network's regions' public signing keys, as configuration gives them: what a region's own signature is checked against. */
@FunctionalInterface
public interface RegionPublicKeys {

    /** The region's raw Ed25519 public key, or empty for a region the deployment does not know a key of. */
    Optional<byte[]> of(String region);
}
