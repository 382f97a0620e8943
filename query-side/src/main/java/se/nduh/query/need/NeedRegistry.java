package se.nduh.query.need;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import se.nduh.kernel.need.KindOfEffort;
import se.nduh.query.readmodel.Page;
import se.nduh.query.readmodel.ReadModelStore;

import java.util.ArrayList;
import java.util.List;

/** The need registry read model ({@code needs} collection) and its queries. */
@Component
class NeedRegistry {

    private final ReadModelStore<NeedView> store;

    NeedRegistry(MongoDatabase readDatabase, ObjectMapper json) {
        this.store = new ReadModelStore<>(readDatabase.getCollection("needs"), NeedView.class, json);
        // A region's page in the registry's default order, and its latest changes (the home page), read only that page.
        // The other orders read every need; an index each would hold every need again in the embedded server's memory.
        store.index(List.of(Indexes.ascending("region", "proposedAt", "_id"), Indexes.ascending("region", "lastChangedAt", "_id")));
    }

    ReadModelStore<NeedView> store() {
        return store;
    }

    Mono<Page<NeedAnswer>> ofRegion(String region, NeedView.Status status, KindOfEffort kind, Integer priorityLevel, Sort sort,
                                    int page, int size) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("region", region)));
        if (status != null) {
            filters.add(switch (status) {
                case PROPOSED -> Filters.and(Filters.eq("withdrawn", false), Filters.eq("assessment", null));
                case ASSESSED -> Filters.and(Filters.eq("withdrawn", false), Filters.ne("assessment", null));
                case WITHDRAWN -> Filters.eq("withdrawn", true);
            });
        }
        if (kind != null) {
            filters.add(Filters.eq("kindsOfEffort", kind.name()));
        }
        if (priorityLevel != null) {
            filters.add(Filters.eq("priority.level", priorityLevel));
        }
        Bson filter = Filters.and(filters);
        return store.page(filter, sort.bson(), page * size, size).map(NeedAnswer::of).collectList()
                .zipWith(store.count(filter), (items, total) -> new Page<>(items, page, size, total));
    }

    Mono<NeedAnswer> one(String region, String id) {
        return store.findById(id).filter(need -> need.region().equals(region)).map(NeedAnswer::of);
    }

    /** The orders the registry can be listed in. */
    enum Sort {
        PROPOSED_AT(Sorts.ascending("proposedAt", "_id")),
        PROPOSED_AT_DESC(Sorts.descending("proposedAt", "_id")),
        TITLE(Sorts.ascending("title", "_id")),
        LAST_CHANGED_DESC(Sorts.descending("lastChangedAt", "_id")),
        PRIORITY_LEVEL(Sorts.ascending("priority.level", "_id"));

        private final Bson bson;

        Sort(Bson bson) {
            this.bson = bson;
        }

        Bson bson() {
            return bson;
        }
    }
}
