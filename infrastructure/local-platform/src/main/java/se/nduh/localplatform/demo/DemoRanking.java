package se.nduh.localplatform.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * A ranking of a region's care needs as the demo's elected officials make it: an order, a priority level per place
 * and a rationale per need. What the rules ask of a place follows from the order: a need that stands above a more
 * severe one cites cost-effectiveness and says why it deviates, every other cites human dignity. Levels come
 * from the place, so they never decrease along the ranking.
 */
record DemoRanking(List<Ranked> places) {

    /** The severity grades, most severe first (as the API names them). */
    static final List<String> SEVERITIES = List.of("VERY_HIGH", "HIGH", "MODERATE", "LOW");
    static final String RATIONALE = "Behovets svårighetsgrad och förväntade nytta";
    static final String RECONSIDERED_RATIONALE = "Omprövad: nya uppgifter visar större förväntad nytta för målgruppen än i förra beslutet";
    static final String DEVIATION = "Förebyggande insatser ger stor hälsovinst på sikt trots lägre svårighetsgrad";
    private static final int LOWEST_LEVEL = 10;

    /** A need at its place: its severity (one of {@link #SEVERITIES}), its priority level and the rationale for it. */
    record Ranked(String needId, String severity, int level, String rationale) {
    }

    /** A need to rank, with its assessed severity. */
    record Need(String needId, String severity) {
    }

    DemoRanking {
        places = List.copyOf(places);
    }

    /** The needs in this order, each on a level of its own (down to the lowest level, where the rest share it). */
    static DemoRanking oneLevelEach(List<Need> ordered) {
        return of(ordered, place -> 1 + place);
    }

    /** The needs in this order, two to a level. */
    static DemoRanking twoToALevel(List<Need> ordered) {
        return of(ordered, place -> 1 + place / 2);
    }

    private static DemoRanking of(List<Need> ordered, IntUnaryOperator level) {
        List<Ranked> places = new ArrayList<>();
        for (int place = 0; place < ordered.size(); place++) {
            Need need = ordered.get(place);
            places.add(new Ranked(need.needId(), need.severity(), Math.min(LOWEST_LEVEL, level.applyAsInt(place)), RATIONALE));
        }
        return new DemoRanking(places);
    }

    /**
     * The ranking as reconsidered after the decision was reopened: the last need moves up one place with a new
     * rationale, and the first place alone keeps the highest level, the others two to a level after it. Against
     * this ranking the diff shows a need moved up and one moved down, changed levels and a changed rationale.
     */
    DemoRanking reconsidered() {
        List<Ranked> moved = new ArrayList<>(places);
        int last = moved.size() - 1;
        if (last >= 1) {
            moved.add(last - 1, moved.remove(last));
        }
        int movedUp = Math.max(0, last - 1);
        List<Ranked> reconsidered = new ArrayList<>();
        for (int place = 0; place < moved.size(); place++) {
            Ranked need = moved.get(place);
            int level = Math.min(LOWEST_LEVEL, place == 0 ? 1 : 2 + (place - 1) / 2);
            reconsidered.add(new Ranked(need.needId(), need.severity(), level, place == movedUp ? RECONSIDERED_RATIONALE : need.rationale()));
        }
        return new DemoRanking(reconsidered);
    }

    /** The need ids, highest priority first. */
    List<String> needIds() {
        return places.stream().map(Ranked::needId).toList();
    }

    /** Whether the need at this place stands above a more severe one, and so must say why. */
    boolean deviates(int place) {
        int severity = SEVERITIES.indexOf(places.get(place).severity());
        return places.subList(place + 1, places.size()).stream()
                .anyMatch(below -> SEVERITIES.indexOf(below.severity()) < severity);
    }

    /** The body of {@code PUT …/priority-rounds/{id}/ranking}. */
    ObjectNode toRequest() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        var ranking = body.putArray("ranking");
        for (int place = 0; place < places.size(); place++) {
            Ranked need = places.get(place);
            boolean deviates = deviates(place);
            ObjectNode entry = ranking.addObject().put("needId", need.needId()).put("priorityLevel", need.level())
                    .put("rationale", need.rationale());
            entry.putArray("principles").add("NEED_SOLIDARITY").add(deviates ? "COST_EFFECTIVENESS" : "HUMAN_DIGNITY");
            entry.putArray("criteria").add("SEVERITY").add("BENEFIT");
            if (deviates) {
                entry.put("deviationRationale", DEVIATION);
            }
        }
        return body;
    }
}
