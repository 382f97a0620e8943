package se.nduh.infrastructure.kafka;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The replica count is 0 (as many as there are brokers) or a count a cluster can have, named by its setting when not. */
class KafkaPropertiesTest {

    @Test
    void replicas_from_0_to_32_are_taken_and_others_refused_naming_the_setting() {
        assertThat(new KafkaProperties("kafka:9092", 3, 0, null).replicas()).isZero();
        assertThat(new KafkaProperties("kafka:9092", 3, 32, null).replicas()).isEqualTo(32);
        for (int replicas : new int[]{-1, 33, 40_000}) {
            assertThatThrownBy(() -> new KafkaProperties("kafka:9092", 3, replicas, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NDUH_KAFKA_REPLICAS")
                    .hasMessageContaining("not " + replicas);
        }
    }
}
