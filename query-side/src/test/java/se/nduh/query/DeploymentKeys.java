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
 * A served region's secret key and pseudonym, computed in the test from the deployment's key file, as only the deployment can,
 * and independently of the code under test.
 */
public final class DeploymentKeys {

    private DeploymentKeys() {
    }

    public static String pseudonym(Path keysFile, RegionCode region, String period) throws IOException {
        return AnonymisationPolicy.pseudonym(secret(keysFile, region), Period.of(period));
    }

    /** The region's secret key in the deployment's key file. */
    public static byte[] secret(Path keysFile, RegionCode region) throws IOException {
        Properties keys = new Properties();
        try (Reader reader = Files.newBufferedReader(keysFile)) {
            keys.load(reader);
        }
        return Base64.getDecoder().decode(keys.getProperty(region.value()));
    }
}
