package se.nduh.infrastructure.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the MongoDB stores are: {@code MONGODB_URI} in production, the embedded server by default.
 *
 * @param uri            the connection string
 * @param eventsDatabase the database of the event store (domain events and snapshots)
 * @param readDatabase   the database of read models and processor tokens, which a rebuild may wipe
 */
@ConfigurationProperties("nduh.mongodb")
public record MongoProperties(String uri, String eventsDatabase, String readDatabase) {
}
