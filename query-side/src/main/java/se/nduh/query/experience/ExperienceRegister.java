package se.nduh.query.experience;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import se.nduh.kernel.experience.StrategicArea;
import se.nduh.query.readmodel.Page;
import se.nduh.query.readmodel.ReadModelStore;

import java.util.ArrayList;
import java.util.List;

/** The region's shared experiences ({@code experiences} collection) and their queries. */
@Component
class ExperienceRegister {

    private final ReadModelStore<ExperienceView> store;

    ExperienceRegister(MongoDatabase readDatabase, ObjectMapper json) {
        this.store = new ReadModelStore<>(readDatabase.getCollection("experiences"), ExperienceView.class, json);
        store.index(List.of(Indexes.ascending("region", "sharedAt", "_id"))); // the register's pages, newest first
    }

    ReadModelStore<ExperienceView> store() {
        return store;
    }

    /** Newest shared first. */
    Mono<Page<ExperienceView>> ofRegion(String region, ExperienceView.Status status, StrategicArea area, int page, int size) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("region", region)));
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        if (area != null) {
            filters.add(Filters.eq("area", area.name()));
        }
        Bson filter = Filters.and(filters);
        return store.page(filter, Sorts.descending("sharedAt", "_id"), page * size, size).collectList()
                .zipWith(store.count(filter), (items, total) -> new Page<>(items, page, size, total));
    }

    Mono<ExperienceView> one(String region, String id) {
        return store.findById(id).filter(experience -> experience.region().equals(region));
    }
}
