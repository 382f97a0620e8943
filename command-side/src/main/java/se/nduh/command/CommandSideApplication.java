package se.nduh.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import se.nduh.infrastructure.eventstore.EventStoreConfiguration;
import se.nduh.infrastructure.region.RegionController;
import se.nduh.infrastructure.region.RegionDirectory;
import se.nduh.infrastructure.indicator.IndicatorCatalogue;
import se.nduh.infrastructure.indicator.IndicatorController;
import se.nduh.infrastructure.security.SecurityConfiguration;
import se.nduh.infrastructure.web.ApiDescription;
import se.nduh.infrastructure.web.ProblemAdvice;
import se.nduh.infrastructure.web.StrictRequestBodies;

@SpringBootApplication
@Import({EventStoreConfiguration.class, RegionDirectory.class, RegionController.class, IndicatorCatalogue.class, IndicatorController.class, ProblemAdvice.class, StrictRequestBodies.class, ApiDescription.class,
        SecurityConfiguration.class})
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
