package se.nduh.command.bestpractice;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.springframework.stereotype.Component;
import se.nduh.command.view.CommandSideView;
import se.nduh.infrastructure.mongo.MongoProperties;
import se.nduh.kernel.experience.ExperienceId;
import se.nduh.kernel.experience.ReleasedExperience;
import se.nduh.kernel.region.RegionCode;

import java.util.Optional;

/**
 * The released experiences as their regions' signed records on {@value ReleasedExperience#TOPIC} told the network
 * ({@code released_experiences}, beside the network's event store): written by the topic's subscription, read by
 * curation. A redelivered record writes the same again; a release never changes its region.
 */
@Component
class ReceivedReleases implements ReleasedExperiences {

    private final CommandSideView view;

    ReceivedReleases(MongoClient client, MongoProperties properties) {
        this.view = new CommandSideView(client, properties, "released_experiences");
    }

    void received(ReleasedExperience experience) {
        view.set(experience.experienceId(), Updates.set("region", experience.region()));
    }

    @Override
    public Optional<RegionCode> regionOf(ExperienceId experience) {
        return Optional.ofNullable(view.documents().find(Filters.eq("_id", experience.value())).first())
                .map(document -> RegionCode.of(document.getString("region")));
    }
}
