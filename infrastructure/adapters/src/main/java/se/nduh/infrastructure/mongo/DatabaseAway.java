package se.nduh.infrastructure.mongo;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import java.util.concurrent.TimeoutException;

/**
 * Whether a failure means the database did not answer (a crash, a restart, a fail-over) rather than that the request
 * or event was wrong: such a failure is for trying again, never for refusing or parking what failed.
 */
public final class DatabaseAway {

    /** The label MongoDB and its drivers put on a failed write that may succeed if sent again. */
    private static final String RETRYABLE_WRITE_ERROR = "RetryableWriteError";

    private DatabaseAway() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (away(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The connection broke or never came; the driver cleared its connections after seeing the server go (what an
     * operation waiting for one meets right after a {@code kill -9}); the server is shutting down, stepping down or
     * recovering; or a wait ran out.
     */
    private static boolean away(Throwable cause) {
        return cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
                || cause instanceof MongoConnectionPoolClearedException || cause instanceof MongoServerUnavailableException
                || cause instanceof MongoNotPrimaryException || cause instanceof MongoNodeIsRecoveringException
                || cause instanceof MongoInterruptedException || cause instanceof TimeoutException
                || cause instanceof MongoException mongo && mongo.hasErrorLabel(RETRYABLE_WRITE_ERROR);
    }
}
