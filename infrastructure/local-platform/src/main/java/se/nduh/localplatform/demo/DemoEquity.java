package se.nduh.localplatform.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * The demo's equity breakdowns (jämlik hälsa): which dimension each kind of need is broken down by, the groups of
 * each dimension with their share of the population, and the values the groups take around the need's current
 * value. Each region and kind of need draws from a random seeded by both, so a region describes the same kind of
 * breakdown every year and the rest of the demo's random draws stay as they were. A sparsely populated group
 * (glesbygd) may count fewer than k people: the comparisons must leave it out.
 */
final class DemoEquity {

    /** A dimension's groups, worst first, and each group's share of the population (0 for the tiny glesbygd cell). */
    private record Dimension(String code, List<String> labels, List<Double> shares) {
    }

    private static final Dimension EDUCATION = new Dimension("EDUCATION",
            List.of("Förgymnasial utbildning", "Gymnasial utbildning", "Eftergymnasial utbildning"), List.of(0.2, 0.45, 0.35));
    private static final Dimension SEX = new Dimension("SEX", List.of("Män", "Kvinnor"), List.of(0.5, 0.5));
    private static final Dimension COUNTRY_OF_BIRTH = new Dimension("COUNTRY_OF_BIRTH",
            List.of("Född utanför Europa", "Född i Europa utom Sverige", "Född i Sverige"), List.of(0.1, 0.1, 0.8));
    private static final Dimension SOCIOECONOMIC_INDEX = new Dimension("SOCIOECONOMIC_INDEX",
            List.of("Områden med högt CNI", "Områden med medelhögt CNI", "Områden med lågt CNI"), List.of(0.3, 0.4, 0.3));
    private static final Dimension GEOGRAPHY = new Dimension("GEOGRAPHY",
            List.of("Glesbygd", "Landsbygd", "Tätort"), List.of(0.0, 0.3, 0.7));

    /** The kinds of need broken down, by template key; the life-expectancy gap between municipalities is a gap already. */
    private static final Map<String, Dimension> BY_TEMPLATE = Map.ofEntries(
            Map.entry("diabetes", EDUCATION), Map.entry("stroke", SEX), Map.entry("depression", COUNTRY_OF_BIRTH),
            Map.entry("arthrosis", EDUCATION), Map.entry("obesity", EDUCATION), Map.entry("youth", SEX),
            Map.entry("falls", GEOGRAPHY), Map.entry("palliative", GEOGRAPHY), Map.entry("asthma", SOCIOECONOMIC_INDEX),
            Map.entry("heartfailure", SEX), Map.entry("screening", SOCIOECONOMIC_INDEX), Map.entry("alcohol", SEX),
            Map.entry("rehab", COUNTRY_OF_BIRTH));

    /** A breakdown ready to send, and the absolute gap between its worst and best group. */
    record Breakdown(ObjectNode body, double absoluteGap) {
    }

    private DemoEquity() {
    }

    /**
     * The breakdown a region describes for a need of the template at its current value, if it describes one: the
     * more thorough the region, the likelier.
     */
    static Optional<Breakdown> of(String region, NeedTemplate template, double current, double thoroughness, ObjectMapper json) {
        Dimension dimension = BY_TEMPLATE.get(template.key());
        Random random = new Random(Objects.hash(region, template.key()));
        if (dimension == null || random.nextDouble() >= 0.3 + 0.6 * thoroughness) {
            return Optional.empty();
        }
        double spread = 0.1 + random.nextDouble() * 0.3;
        int total = 2000 + random.nextInt(40000);
        int n = dimension.labels().size();
        ObjectNode body = json.createObjectNode().put("dimension", dimension.code());
        ArrayNode groups = body.putArray("groups");
        double worst = 0;
        double best = 0;
        for (int i = 0; i < n; i++) {
            // The first group is the worst, the last the best, in the indicator's direction.
            double offset = spread * (1 - 2.0 * i / (n - 1));
            double value = round1(template.lowerIsBetter() ? current * (1 + offset) : current * (1 - offset));
            if ("%".equals(template.unit())) {
                value = Math.min(99.9, Math.max(0.1, value));
            }
            long count = dimension.shares().get(i) == 0 ? 2 + random.nextInt(8) : Math.round(total * dimension.shares().get(i));
            groups.addObject().put("label", dimension.labels().get(i)).put("value", value).put("count", count);
            worst = i == 0 ? value : worst;
            best = value;
        }
        return Optional.of(new Breakdown(body, Math.abs(worst - best)));
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
