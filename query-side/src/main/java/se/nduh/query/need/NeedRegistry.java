package se.nduh.query.need;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.nduh.infrastructure.readmodel.ReadModelStore;

/** The need registry read model ({@code needs} collection). */
@Component
class NeedRegistry {

    private final ReadModelStore<NeedView> store;

    NeedRegistry(MongoDatabase readDatabase, ObjectMapper json) {
        this.store = new ReadModelStore<>(readDatabase.getCollection("needs"), NeedView.class, json);
    }

    ReadModelStore<NeedView> store() {
        return store;
    }

    Flux<NeedView> ofRegion(String region) {
        return store.find(Filters.eq("region", region), Sorts.ascending("proposedAt", "_id"));
    }

    Mono<NeedView> one(String region, String id) {
        return store.findById(id).filter(need -> need.region().equals(region));
    }
}
