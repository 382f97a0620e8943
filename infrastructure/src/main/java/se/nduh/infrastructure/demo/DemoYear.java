package se.nduh.infrastructure.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.nduh.infrastructure.security.DemoUserGenerator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads a realistic budget year for every region of {@code demo-users.csv} through the command API, as the
 * right demo users, never by writing to a store: needs with evidence, targets and assessments, a decided
 * priority round with a deviation or two, commissions with follow-up plans (some with warnings) and
 * outcomes over several quarters. Seeded per region, so every load tells the same story; every command
 * carries an idempotency key, so a load cut short can simply run again, and a marker file makes a second
 * {@code ./nduh up} skip it.
 */
public final class DemoYear {

    private static final String MARKER = "demo-data.loaded";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String commandUrl;
    private final DemoCredentials credentials;
    private final int year = Year.now().getValue();

    private DemoYear(String commandUrl, DemoCredentials credentials) {
        this.commandUrl = commandUrl;
        this.credentials = credentials;
    }

    public static void main(String[] args) throws Exception {
        String commandUrl = args[0];
        Path dataDir = Path.of(args[1]);
        if (Files.exists(dataDir.resolve(MARKER))) {
            System.out.println("Demo data already loaded (remove " + dataDir.resolve(MARKER) + " or ./nduh reset to start again)");
            return;
        }
        DemoCredentials credentials = DemoCredentials.read(dataDir);
        List<String> regions = credentials.regionsWith("tjansteperson");
        long started = System.nanoTime();
        DemoYear demo = new DemoYear(commandUrl, credentials);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> loads = new ArrayList<>();
        for (String region : regions) {
            loads.add(pool.submit(() -> demo.region(region)));
        }
        int commands = 0;
        for (Future<Integer> load : loads) {
            commands += load.get();
        }
        pool.shutdown();
        Files.writeString(dataDir.resolve(MARKER), "Loaded " + commands + " commands for " + regions.size() + " regions\n");
        System.out.printf("Loaded the demo year %d: %d commands for %d regions in %.1f s%n", demo.year, commands,
                regions.size(), (System.nanoTime() - started) / 1e9);
    }

    /** One region's year, as its civil servants, elected officials and providers would enter it. */
    private int region(String region) throws IOException, InterruptedException {
        Random random = new Random(region.hashCode());
        Session session = new Session(region);
        List<NeedTemplate> picked = new ArrayList<>(NeedTemplate.CATALOGUE);
        Collections.shuffle(picked, random);
        picked = picked.subList(0, 4 + random.nextInt(3));

        List<Need> needs = new ArrayList<>();
        for (NeedTemplate template : picked) {
            needs.add(session.describe(template, random));
        }
        String round = session.prioritise(needs, random);
        int commissioned = 0;
        for (Need need : needs) {
            if (need.ranked && commissioned < 2) {
                session.commission(round, need, commissioned == 1 && random.nextBoolean(), random);
                commissioned++;
            }
        }
        return session.commands;
    }

    private record Need(String id, NeedTemplate template, double current, String severity, boolean careNeed, boolean ranked) {
        Need rankedAs(boolean isRanked) {
            return new Need(id, template, current, severity, careNeed, isRanked);
        }
    }

    /** The commands of one region, each sent as the demo user of the role that takes it. */
    private final class Session {

        private final String region;
        private final String base;
        private final String provider;
        private int commands;

        Session(String region) {
            this.region = region;
            this.base = commandUrl + "/api/v1/regions/" + region;
            this.provider = DemoUserGenerator.memberRegions().stream().filter(member -> member.code().value().equals(region))
                    .findFirst().map(DemoUserGenerator::providerOf).orElseThrow();
        }

        Need describe(NeedTemplate template, Random random) throws IOException, InterruptedException {
            double current = round1(template.low() + random.nextDouble() * (template.high() - template.low()));
            ObjectNode body = JSON.createObjectNode();
            body.put("title", template.title());
            body.put("description", template.description());
            body.putObject("needGroup").put("description", template.group()).put("size", 2000 + random.nextInt(40000));
            body.putArray("kindsOfEffort").addAll(template.kinds().stream().map(JSON.getNodeFactory()::textNode).toList());
            body.putObject("indicator").put("name", template.indicator()).put("currentValue", current).put("unit", template.unit())
                    .put("direction", template.lowerIsBetter() ? "LOWER_IS_BETTER" : "HIGHER_IS_BETTER")
                    .put("source", template.source()).put("period", Integer.toString(year - 1));
            String id = send("POST", base + "/needs", "tjansteperson", "need-" + template.key(), body).get("id").asText();
            String need = base + "/needs/" + id;

            double target = round1(template.lowerIsBetter() ? current * (0.6 + random.nextDouble() * 0.25) : current * (1.1 + random.nextDouble() * 0.2));
            send("PUT", need + "/health-target", "fortroendevald", "target-" + template.key(),
                    JSON.createObjectNode().put("target", target).put("targetYear", year + 4));
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                String kind = EVIDENCE_KINDS[random.nextInt(EVIDENCE_KINDS.length)];
                send("POST", need + "/evidence", "tjansteperson", "evidence-" + template.key() + "-" + i,
                        JSON.createObjectNode().put("kind", kind).put("source", template.source())
                                .put("dataQuality", 2 + random.nextInt(4)).put("politicalWeight", 1 + random.nextInt(5)));
            }
            boolean careNeed = template.careNeed();
            String severity = GRADES[random.nextInt(GRADES.length)];
            send("PUT", need + "/assessment", "tjansteperson", "assessment-" + template.key(), JSON.createObjectNode()
                    .put("careNeed", careNeed)
                    .put("justification", careNeed ? "Hälso- och sjukvården kan påverka genom insatserna"
                            : "Gapet påverkas främst av faktorer utanför hälso- och sjukvården")
                    .put("severity", severity).put("benefit", GRADES[random.nextInt(GRADES.length)])
                    .put("costEffectiveness", GRADES[random.nextInt(GRADES.length)])
                    .put("evidenceCertainty", GRADES[random.nextInt(GRADES.length)]).put("peopleAffected", 1000 + random.nextInt(30000)));
            return new Need(id, template, current, severity, careNeed, false);
        }

        /** Ranks the care needs mostly by severity, with a justified deviation now and then, and decides. */
        String prioritise(List<Need> needs, Random random) throws IOException, InterruptedException {
            String rounds = base + "/priority-rounds";
            String round = send("POST", rounds, "fortroendevald", "round", JSON.createObjectNode().put("budgetYear", year)).get("id").asText();
            List<Need> care = new ArrayList<>(needs.stream().filter(Need::careNeed).toList());
            care.sort(Comparator.comparing(need -> List.of(GRADES).indexOf(need.severity())));
            Need declined = care.size() > 2 && random.nextBoolean() ? care.remove(care.size() - 1) : null;
            boolean deviate = care.size() > 1 && random.nextInt(3) > 0
                    && !care.get(0).severity().equals(care.get(1).severity());
            if (deviate) {
                Collections.swap(care, 0, 1);
            }
            var ranking = JSON.createObjectNode();
            var places = ranking.putArray("ranking");
            for (int i = 0; i < care.size(); i++) {
                ObjectNode place = places.addObject().put("needId", care.get(i).id()).put("priorityLevel", Math.min(10, 1 + i / 2))
                        .put("rationale", "Behovets svårighetsgrad och förväntade nytta");
                place.putArray("principles").add("NEED_SOLIDARITY").add(i == 0 && deviate ? "COST_EFFECTIVENESS" : "HUMAN_DIGNITY");
                place.putArray("criteria").add("SEVERITY").add("BENEFIT");
                if (i == 0 && deviate) {
                    place.put("deviationRationale", "Förebyggande insatser ger stor hälsovinst på sikt trots lägre svårighetsgrad");
                }
            }
            send("PUT", rounds + "/" + round + "/ranking", "fortroendevald", "ranking", ranking);
            var decision = JSON.createObjectNode().put("decidedBy", "Regionfullmäktige")
                    .put("decisionDate", (year - 1) + "-11-2" + random.nextInt(8)).put("minutesReference", "RF " + (year - 1) + " §" + (10 + random.nextInt(40)));
            var allocations = decision.putArray("allocations");
            care.forEach(need -> allocations.addObject().put("needId", need.id()).put("amountSek", 1_000_000L * (2 + random.nextInt(20))));
            var notPrioritised = decision.putArray("notPrioritised");
            if (declined != null) {
                notPrioritised.addObject().put("needId", declined.id()).put("reason", "Ryms inte i årets ram; ses över i nästa års behovsanalys");
            }
            send("POST", rounds + "/" + round + "/decision", "fortroendevald", "decision", decision);
            needs.replaceAll(need -> need.rankedAs(care.stream().anyMatch(ranked -> ranked.id().equals(need.id()))));
            return round;
        }

        /** A commission for a prioritised need, issued, accepted and followed up quarter by quarter. */
        void commission(String round, Need need, boolean activityOnly, Random random) throws IOException, InterruptedException {
            NeedTemplate template = need.template();
            double target = round1(template.lowerIsBetter() ? need.current() * 0.8 : need.current() * 1.15);
            ObjectNode terms = JSON.createObjectNode().put("priorityRoundId", round).put("provider", provider)
                    .put("description", "Uppdrag till " + template.careUnit().toLowerCase() + ": " + template.title().toLowerCase())
                    .put("start", year + "-01-01").put("end", (year + 2) + "-12-31");
            terms.putArray("needIds").add(need.id());
            terms.putArray("kindsOfEffort").addAll(template.kinds().stream().map(JSON.getNodeFactory()::textNode).toList());
            terms.putArray("goals").addObject().put("goalId", "g-1").put("indicator", template.indicator())
                    .put("baseline", need.current()).put("target", target).put("targetDate", (year + 2) + "-12-31");
            var plan = terms.putArray("followUpPlan");
            plan.addObject().put("indicatorId", "i-activity").put("name", template.activity()).put("level", "ACTIVITY")
                    .put("perspective", "OPERATIONAL").put("frequency", "MONTH").put("goalId", activityOnly ? "g-1" : null);
            if (!activityOnly) {
                plan.addObject().put("indicatorId", "i-effect").put("name", template.indicator()).put("level", "EFFECT")
                        .put("perspective", "POPULATION").put("frequency", "QUARTER").put("goalId", "g-1");
            }
            boolean active = random.nextBoolean();
            ObjectNode payment = terms.putObject("payment").put("kind", active ? "ACTIVE" : "PASSIVE")
                    .put("amountSek", 1_000_000L * (3 + random.nextInt(15)));
            if (active) {
                payment.put("linkedShare", 0.1 + random.nextInt(3) / 10.0).putArray("linkedGoalIds").add("g-1");
            }
            String key = "commission-" + template.key();
            String id = send("POST", base + "/commissions", "tjansteperson", key, terms).get("id").asText();
            String commission = base + "/commissions/" + id;
            send("POST", commission + "/issue", "fortroendevald", key + "-issue", JSON.createObjectNode()
                    .put("decidedBy", "Hälso- och sjukvårdsnämnden").put("decisionDate", year + "-01-1" + random.nextInt(10)));
            send("POST", commission + "/acceptance", "utforare", key + "-accept", JSON.createObjectNode());
            double value = need.current();
            for (int quarter = 1; quarter <= 3; quarter++) {
                value = round1(value + (target - need.current()) * (0.05 + random.nextDouble() * 0.2));
                String indicator = activityOnly ? "i-activity" : "i-effect";
                send("POST", commission + "/outcomes", quarter % 2 == 0 ? "tjansteperson" : "utforare", key + "-q" + quarter,
                        JSON.createObjectNode().put("indicatorId", indicator).put("period", year + "-Q" + quarter)
                                .put("value", value).put("source", template.source()));
            }
        }

        private JsonNode send(String method, String url, String role, String key, JsonNode body) throws IOException, InterruptedException {
            String user = region + "-" + role;
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                    .header("Content-Type", "application/json")
                    .header("Authorization", credentials.basic(user))
                    .header("Idempotency-Key", "demo-" + year + "-" + key)
                    .timeout(Duration.ofSeconds(30))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + url + " as " + user + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            commands++;
            return JSON.readTree(response.body());
        }
    }

    private static final String[] GRADES = {"VERY_HIGH", "HIGH", "MODERATE", "LOW"};
    private static final String[] EVIDENCE_KINDS = {"BACKGROUND_DATA", "EPIDEMIOLOGY", "SELF_REPORTED", "IN_DEPTH_ANALYSIS",
            "OPERATIONAL_ANALYSIS", "DIALOGUE", "STEERING_DOCUMENT", "RESOURCE_DATA", "UTILITY_CALCULATION"};

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
