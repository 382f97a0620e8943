package se.nduh.query.admin;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a read model's processor does with an event it failed on: park it, unless the database was away. */
class DeadLetterPolicyTest {

    private static final EventMessage<String> EVENT = GenericEventMessage.asEventMessage("a need was proposed");

    @Test
    void an_event_the_projection_fails_on_waits_in_the_dead_letter_queue() {
        IllegalArgumentException broken = new IllegalArgumentException("no such grade");

        assertThat(ReadModelUpdatesConfiguration.parkUnlessDatabaseAway("needs").decide(new GenericDeadLetter<>("need-1", EVENT, broken), broken)
                .shouldEnqueue()).isTrue();
    }

    @Test
    void a_database_that_did_not_answer_fails_the_batch_so_that_it_is_tried_again_instead_of_parking_the_event() {
        RuntimeException away = new IllegalStateException("write failed",
                new MongoSocketReadException("Exception receiving message", new ServerAddress()));

        assertThatThrownBy(() -> ReadModelUpdatesConfiguration.parkUnlessDatabaseAway("needs").decide(new GenericDeadLetter<>("need-1", EVENT, away), away))
                .isInstanceOf(ReadModelUpdatesConfiguration.DatabaseAwayWhileHandling.class).hasCause(away);
    }

    @Test
    void a_write_that_timed_out_waiting_for_the_database_is_tried_again_too() {
        RuntimeException timedOut = new IllegalStateException("Timeout on blocking read", new TimeoutException());

        assertThatThrownBy(() -> ReadModelUpdatesConfiguration.parkUnlessDatabaseAway("needs").decide(new GenericDeadLetter<>("need-1", EVENT, timedOut), timedOut))
                .isInstanceOf(ReadModelUpdatesConfiguration.DatabaseAwayWhileHandling.class);
    }

    @Test
    void connections_the_driver_cleared_after_a_kill_of_the_database_are_tried_again_too() {
        RuntimeException cleared = new MongoConnectionPoolClearedException(new ServerId(new ClusterId(), new ServerAddress()), null);

        assertThatThrownBy(() -> ReadModelUpdatesConfiguration.parkUnlessDatabaseAway("needs").decide(new GenericDeadLetter<>("need-1", EVENT, cleared), cleared))
                .isInstanceOf(ReadModelUpdatesConfiguration.DatabaseAwayWhileHandling.class);
    }
}
