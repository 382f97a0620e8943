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
import java.util.Arrays;
import java.util.List;

/** The need registry read model ({@code needs} collection) and its queries. */
@Component
class NeedRegistry {

    private final ReadModelStore<NeedView> store;

    NeedRegistry(MongoDatabase readDatabase, ObjectMapper json) {
        this.store = new ReadModelStore<>(readDatabase.getCollection("needs"), NeedView.class, json);
        // A region's page in each order the registry offers reads only that page, on MongoDB and the embedded server.
        store.index(Arrays.stream(Sort.values()).map(Sort::field).distinct()
                .map(field -> Indexes.ascending("region", field, "_id")).toList());
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

    /** The orders the registry can be listed in, each by one field of the view, ties by id. */
    enum Sort {
        PROPOSED_AT("proposedAt", true),
        PROPOSED_AT_DESC("proposedAt", false),
        TITLE("title", true),
        LAST_CHANGED_DESC("lastChangedAt", false),
        PRIORITY_LEVEL("priority.level", true);

        private final String field;
        private final Bson bson;

        Sort(String field, boolean ascending) {
            this.field = field;
            this.bson = ascending ? Sorts.ascending(field, "_id") : Sorts.descending(field, "_id");
        }

        String field() {
            return field;
        }

        Bson bson() {
            return bson;
        }
    }
}
