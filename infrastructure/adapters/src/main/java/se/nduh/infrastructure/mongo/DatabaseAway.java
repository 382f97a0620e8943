package se.nduh.infrastructure.mongo;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import java.util.concurrent.TimeoutException;

/**
 * Whether a failure means the database did not answer (a crash, a restart, a fail-over) rather than that the request
 * or event was wrong: such a failure is for trying again, never for refusing or parking what failed.
 */
public final class DatabaseAway {

    private DatabaseAway() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoSocketException || cause instanceof MongoTimeoutException || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
