package se.nduh.infrastructure.mongo;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import com.mongodb.bulk.WriteConcernError;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are the database's absence (tried again) and which are the request's or event's own. */
class DatabaseAwayTest {

    private static final ServerAddress SERVER = new ServerAddress();

    @Test
    void a_broken_connection_deep_in_the_causes_is_the_database_away() {
        assertThat(DatabaseAway.causedBy(new IllegalStateException("write failed",
                new MongoSocketReadException("Exception receiving message", SERVER)))).isTrue();
    }

    @Test
    void connections_cleared_after_the_server_went_are_the_database_away() {
        // What an operation waiting for a connection meets right after a kill -9 of the server.
        MongoConnectionPoolClearedException cleared = new MongoConnectionPoolClearedException(new ServerId(new ClusterId(), SERVER), null);

        assertThat(DatabaseAway.causedBy(new RuntimeException("write failed", cleared))).isTrue();
        assertThat(DatabaseAway.causedBy(new MongoServerUnavailableException("The server is no longer available"))).isTrue();
    }

    @Test
    void a_write_the_server_labels_retryable_is_the_database_away() {
        MongoWriteConcernException shuttingDown = new MongoWriteConcernException(
                new WriteConcernError(91, "ShutdownInProgress", "shutting down", new BsonDocument()), null, SERVER,
                Set.of("RetryableWriteError"));

        assertThat(DatabaseAway.causedBy(shuttingDown)).isTrue();
    }

    @Test
    void a_write_the_server_refused_for_what_it_holds_is_not() {
        MongoWriteException duplicate = new MongoWriteException(new WriteError(11000, "duplicate key", new BsonDocument()), SERVER);

        assertThat(DatabaseAway.causedBy(duplicate)).isFalse();
        assertThat(DatabaseAway.causedBy(new IllegalArgumentException("no such grade"))).isFalse();
    }
}
