package se.nduh.infrastructure.kafka;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * Who may sign a record of a topic: given the public key whose signature verified, the record's key and its
 * JSON (null for a tombstone), why that signer may not publish it, if it may not.
 */
@FunctionalInterface
public interface SignerRule {

    Optional<String> problemWith(byte[] signer, String key, JsonNode value);
}
