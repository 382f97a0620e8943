package se.nduh.command.bestpractice;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import se.nduh.command.view.CommandSideView;
import se.nduh.infrastructure.kafka.SubscriptionOffsets;
import se.nduh.infrastructure.mongo.MongoProperties;

import java.util.HashMap;
import java.util.Map;

/** The network's place in the topics it reads, beside what they feed ({@code subscription_offsets} of the events database). */
class ViewSubscriptionOffsets implements SubscriptionOffsets {

    private final CommandSideView view;

    ViewSubscriptionOffsets(MongoClient client, MongoProperties properties) {
        this.view = new CommandSideView(client, properties, "subscription_offsets");
    }

    @Override
    public Map<Integer, Long> load(String topic) {
        Map<Integer, Long> next = new HashMap<>();
        for (Document offset : view.documents().find(Filters.eq("topic", topic))) {
            next.put(offset.getInteger("partition"), offset.getLong("next"));
        }
        return next;
    }

    @Override
    public void save(String topic, int partition, long next) {
        view.set(topic + "|" + partition, Updates.combine(Updates.set("topic", topic), Updates.set("partition", partition),
                Updates.set("next", next)));
    }
}
