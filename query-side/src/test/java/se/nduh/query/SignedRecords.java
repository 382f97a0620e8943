package se.nduh.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import se.nduh.kernel.comparison.AnonymisationPolicy;
import se.nduh.kernel.comparison.ComparisonRecord;
import se.nduh.kernel.hash.Hashes;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.signing.RecordSignatures;
import se.nduh.kernel.signing.SigningKey;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Records as a region of the network would put them on Kafka: signed, computed in the test from the region's secret. */
public final class SignedRecords {

    private SignedRecords() {
    }

    /** A region of the network outside this deployment, with a secret of its own, so its pseudonyms and signatures are real. */
    public record OutsideRegion(byte[] secret) {

        public static OutsideRegion number(int number) {
            return new OutsideRegion(Hashes.sha256(("a region outside the deployment, number " + number).getBytes(StandardCharsets.UTF_8)));
        }

        public String pseudonym(String period) {
            return AnonymisationPolicy.pseudonym(secret, Period.of(period));
        }
    }

    /** Any value under any key, signed by the key given. */
    public static ProducerRecord<String, String> signed(String topic, Integer partition, String key, String value, SigningKey signer) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, partition, key, value);
        record.headers().add(RecordSignatures.SIGNER_HEADER, Base64.getEncoder().encode(signer.publicKey()))
                .add(RecordSignatures.SIGNATURE_HEADER, Base64.getEncoder().encode(signer.sign(RecordSignatures.message(topic, key, value))));
        return record;
    }

    /** A comparison record signed as its region signs it: under its code with the region's key, else with its period's. */
    public static ProducerRecord<String, String> comparison(ComparisonRecord record, byte[] regionSecret, Integer partition, ObjectMapper json) {
        SigningKey signer = record.named() ? RecordSignatures.regionKey(regionSecret)
                : RecordSignatures.periodKey(regionSecret, Period.of(record.period()));
        try {
            return signed(ComparisonRecord.TOPIC, partition, record.key(), json.writeValueAsString(record), signer);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
