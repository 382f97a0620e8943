package se.nduh.query;

import se.nduh.kernel.comparison.AnonymisationPolicy;
import se.nduh.kernel.period.Period;
import se.nduh.kernel.region.RegionCode;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Properties;

/**
 * A served region's pseudonym, computed in the test from the deployment's key file, as only the deployment can,
 * and independently of the code under test.
 */
public final class DeploymentKeys {

    private DeploymentKeys() {
    }

    public static String pseudonym(Path keysFile, RegionCode region, String period) throws IOException {
        Properties keys = new Properties();
        try (Reader reader = Files.newBufferedReader(keysFile)) {
            keys.load(reader);
        }
        return AnonymisationPolicy.pseudonym(Base64.getDecoder().decode(keys.getProperty(region.value())), Period.of(period));
    }
}
