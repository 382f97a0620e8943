package se.nduh.command.view;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class CommandsInFlightTest {

    private final CommandsInFlight commands = new CommandsInFlight();

    @Test
    void a_head_is_passed_once_every_command_begun_before_it_was_read_has_ended() {
        Object first = new Object();
        Object second = new Object();
        commands.began(first);
        commands.began(second);
        assertThat(commands.tick(10)).isEmpty();

        commands.ended(first);
        assertThat(commands.tick(12)).isEmpty();

        commands.ended(second);
        assertThat(commands.tick(15)).isEqualTo(OptionalLong.of(15));
    }

    @Test
    void a_command_begun_after_a_head_was_read_does_not_hold_that_head_back() {
        Object early = new Object();
        commands.began(early);
        commands.tick(10);
        Object late = new Object();
        commands.began(late);
        commands.ended(early);

        assertThat(commands.tick(20)).isEqualTo(OptionalLong.of(10));
        commands.ended(late);
        assertThat(commands.tick(25)).isEqualTo(OptionalLong.of(25));
    }

    @Test
    void with_no_command_running_the_head_just_read_is_passed() {
        assertThat(commands.tick(7)).isEqualTo(OptionalLong.of(7));
        assertThat(commands.tick(7)).isEqualTo(OptionalLong.of(7));
    }
}
