/**
 * Adapters both applications use, each package one job: the MongoDB clients ({@code mongo}), the event store
 * ({@code eventstore}), Kafka for the published language ({@code kafka}), who acts ({@code security}), RFC 9457
 * problems ({@code web}) and reference data ({@code region}, {@code indicator}). They know no feature.
 */
package se.nduh.infrastructure;
