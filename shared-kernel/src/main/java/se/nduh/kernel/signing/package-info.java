/**
 * Signatures of the published language: every record a region puts on Kafka is signed with Ed25519, and every
 * consumer checks it before anything is applied.
 */
package se.nduh.kernel.signing;
