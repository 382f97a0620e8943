/**
 * The single-machine default's servers: a MongoDB-wire-protocol server and a KRaft Kafka broker, started in
 * one small process by {@link se.nduh.localplatform.embedded.EmbeddedServers} and by the integration tests.
 * The applications never see these classes, only connection strings.
 */
package se.nduh.localplatform.embedded;
