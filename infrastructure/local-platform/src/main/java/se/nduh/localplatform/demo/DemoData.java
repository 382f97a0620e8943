package se.nduh.localplatform.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.nduh.kernel.comparison.Area;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads three budget years (the current one and the two before it) for every region of {@code demo-users.csv}
 * through the command API, as the right demo users, never by writing to a store: each year a needs analysis
 * (new needs with evidence, targets and assessments; last year's open needs revised with new data or
 * withdrawn), a decided priority round, commissions with follow-up plans and outcomes; then shared experiences,
 * some released and curated, and a few regions opting in to be named in the comparisons. In a few regions each
 * year's decision is reopened, the ranking reconsidered and decided again, so that the audit has versions to compare;
 * in a few the first commission of each year goes to its provider for dialogue before the decision (in two of them a
 * round is first withdrawn unanswered), in a few the second is shared with a municipality (uppdrag i samverkan mellan
 * huvudmän), and in a few the plan of the oldest first commission is revised after a year of follow-up.
 * <p>
 * Each region has a seeded profile (how thorough its analysis and follow-up are, how many needs it describes),
 * so the regions differ enough for ranks and quartiles to mean something, and thin regions fall under k. Every
 * command carries an idempotency key, so a load cut short can simply run again, and a marker file makes a
 * second {@code ./nduh up} skip it.
 * <p>
 * The coordinators curate at the network's deployment: the same one in the single-machine default, given as
 * {@code --network <command URL> <data dir>} (its {@code demo-users.csv} has the coordinators) when the regions run
 * deployments of their own ({@code ./nduh up --federated}). The network learns of a release from Kafka, so a curation
 * right after it is refused ({@code 409 ExperienceNotReleased}) and sent again until taken, for up to a minute.
 */
public final class DemoData {

    private static final String MARKER = "demo-data.loaded";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    /** The regions whose elected officials decide to be named in the comparisons. */
    static final Set<String> NAMED = Set.of("halland", "vasterbotten", "ostergotland");
    private static final Set<String> NOT_SHARING = Set.of("blekinge");
    /** The regions whose elected officials reopen each year's decision and decide again on a reconsidered ranking. */
    static final Set<String> RECONSIDERED = Set.of("halland", "skane", "vasterbotten");
    /** The regions whose first commission of each year goes to its provider for dialogue, twice, before it is issued. */
    static final Set<String> DIALOGUE = Set.of("halland", "norrbotten", "sormland", "vastra-gotaland");
    /** Of those, the regions whose civil servants first send the wrong version and withdraw it before the provider answers. */
    static final Set<String> DIALOGUE_WITHDRAWN = Set.of("sormland", "vastra-gotaland");
    /**
     * The regions where the plan of the first commission of the oldest year is revised after its first year of follow-up
     * ("Behöver planen revideras?"): proposed by the provider and agreed by the elected officials; in the regions that
     * also decline one, the civil servants first propose a revision the officials decline.
     */
    static final Set<String> PLAN_REVISED = Set.of("halland", "ostergotland", "varmland", "vastmanland");
    static final Set<String> PLAN_REVISION_DECLINED = Set.of("varmland", "vastmanland");
    /** The regions whose second commission of each year is shared with a municipality, and with whom. */
    static final Map<String, String> JOINT_WITH = Map.of("jamtland-harjedalen", "Östersunds kommun", "norrbotten", "Luleå kommun",
            "skane", "Malmö stad", "vastmanland", "Västerås stad");
    private static final Set<String> CURATED = Set.of("halland", "skane", "stockholm", "varmland", "vastra-gotaland");
    /** The network's coordinator who curates, a demo user of the network's deployment. */
    private static final String COORDINATOR = "samordnare-1";

    /** How long a curation is sent again while the network has not yet received the experience's release. */
    static final Duration CURATION_WAIT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String commandUrl;
    private final DemoCredentials credentials;
    private final String networkCommandUrl;
    private final DemoCredentials networkCredentials;
    private final int currentYear = LocalDate.now(SWEDEN).getYear();

    private DemoData(String commandUrl, DemoCredentials credentials, String networkCommandUrl, DemoCredentials networkCredentials) {
        this.commandUrl = commandUrl;
        this.credentials = credentials;
        this.networkCommandUrl = networkCommandUrl;
        this.networkCredentials = networkCredentials;
    }

    /** {@code DemoData <command URL> <data dir> [--network <network's command URL> <network's data dir>]}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2 && !(args.length == 5 && args[2].equals("--network"))) {
            System.err.println("Usage: DemoData <command URL> <data dir> [--network <network's command URL> <network's data dir>]");
            System.exit(2);
        }
        String commandUrl = args[0];
        Path dataDir = Path.of(args[1]);
        if (Files.exists(dataDir.resolve(MARKER))) {
            System.out.println("Demo data already loaded (remove " + dataDir.resolve(MARKER) + " or ./nduh reset to start again)");
            return;
        }
        DemoCredentials credentials = DemoCredentials.read(dataDir);
        List<String> regions = credentials.regionsWith("tjansteperson");
        long started = System.nanoTime();
        DemoData demo = args.length == 5
                ? new DemoData(commandUrl, credentials, args[3], DemoCredentials.read(Path.of(args[4])))
                : new DemoData(commandUrl, credentials, commandUrl, credentials);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        int commands = 0;
        List<Session> sessions = new ArrayList<>();
        try {
            List<Future<Session>> loads = new ArrayList<>();
            for (String region : regions) {
                loads.add(pool.submit(() -> demo.region(region)));
            }
            for (Future<Session> load : loads) {
                Session session = load.get();
                sessions.add(session);
                commands += session.commands;
            }
        } finally {
            // A failed region must end the load, not leave it waiting on the others' threads.
            pool.shutdownNow();
        }
        commands += demo.curate(sessions);
        Files.writeString(dataDir.resolve(MARKER), "Loaded " + commands + " commands for " + regions.size() + " regions\n");
        System.out.printf("Loaded the demo budget years %d–%d: %d commands for %d regions in %.1f s%n", demo.currentYear - 2,
                demo.currentYear, commands, regions.size(), (System.nanoTime() - started) / 1e9);
    }

    /** One region's three years, as its civil servants, elected officials and providers would enter them. */
    private Session region(String region) throws IOException, InterruptedException {
        Random random = new Random(region.hashCode());
        Session session = new Session(region, new Profile(random.nextDouble(), 3 + random.nextInt(8)));
        List<Need> open = new ArrayList<>();
        for (int year = currentYear - 2; year <= currentYear; year++) {
            open = session.analyse(year, open, random);
            List<Need> prioritised = session.prioritise(year, open, random);
            session.wheel(year);
            int commissions = Math.min(prioritised.size(), 3 + random.nextInt(5));
            for (int i = 0; i < commissions; i++) {
                session.commission(year, prioritised.get(i), i, random);
            }
        }
        if (!NOT_SHARING.contains(region)) {
            session.shareExperience(random);
        }
        if (NAMED.contains(region)) {
            session.optInToBeNamed();
        }
        return session;
    }

    /**
     * The network's coordinators pick some released experiences as best practice, at the network's command side. Each
     * is sent again while the network has not received its release from Kafka yet ({@code 409 ExperienceNotReleased}),
     * for up to {@link #CURATION_WAIT}; the idempotency key is the same each time (a refused command releases it).
     */
    private int curate(List<Session> sessions) throws IOException, InterruptedException {
        int commands = 0;
        for (Session session : sessions) {
            if (session.releasedExperience != null && CURATED.contains(session.region)) {
                ObjectNode body = JSON.createObjectNode().put("experienceId", session.releasedExperience)
                        .put("why", "Visar hur behovsanalysen kopplas till uppdrag och uppföljning på effektnivå");
                body.putArray("tags").add("behovsstyrning")
                        .add(Area.valueOf(session.experienceArea).swedish().toLowerCase(Locale.ROOT));
                String url = networkCommandUrl + "/api/v1/best-practice";
                String key = "demo-" + currentYear + "-" + session.region + "-curate-" + session.region;
                long deadline = System.nanoTime() + CURATION_WAIT.toNanos();
                HttpResponse<String> response = command("POST", url, networkCredentials.basic(COORDINATOR), key, body);
                while (notYetReleased(response) && System.nanoTime() < deadline) {
                    Thread.sleep(1_000);
                    response = command("POST", url, networkCredentials.basic(COORDINATOR), key, body);
                }
                if (response.statusCode() / 100 != 2) {
                    throw new IllegalStateException("POST " + url + " as " + COORDINATOR + " answered " + response.statusCode()
                            + (notYetReleased(response) ? " for " + CURATION_WAIT.toSeconds() + " s" : "") + ": " + response.body());
                }
                commands++;
            }
        }
        return commands;
    }

    /** The network has not (yet) received the experience's release from the topic. */
    static boolean notYetReleased(HttpResponse<String> response) {
        return response.statusCode() == 409 && response.body().contains("\"ExperienceNotReleased\"");
    }

    /** A command with a JSON body, sent once under its idempotency key; answered whatever its status. */
    private HttpResponse<String> command(String method, String url, String authorization, String idempotencyKey, JsonNode body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .header("Idempotency-Key", idempotencyKey)
                .timeout(Duration.ofSeconds(30))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * How the region works: {@code thoroughness} (0–1) shapes its evidence, follow-up plans and payment models;
     * {@code newNeedsPerYear} how many needs each year's analysis adds.
     */
    private record Profile(double thoroughness, int newNeedsPerYear) {
        boolean thorough(Random random) {
            return random.nextDouble() < 0.25 + 0.7 * thoroughness;
        }
    }

    private record Need(String id, NeedTemplate template, double current, double target, String severity, boolean careNeed) {
    }

    /** The commands of one region, each sent as the demo user of the role that takes it. */
    private final class Session {

        private final String region;
        private final Profile profile;
        private final String base;
        private final String provider;
        private int commands;
        private String releasedExperience;
        private String experienceArea;

        Session(String region, Profile profile) {
            this.region = region;
            this.profile = profile;
            this.base = commandUrl + "/api/v1/regions/" + region;
            this.provider = DemoUserGenerator.memberRegions().stream().filter(member -> member.code().value().equals(region))
                    .findFirst().map(DemoUserGenerator::providerOf).orElseThrow();
        }

        /** The year's needs analysis: up to six of last year's care needs carry over with new data, the rest close; new ones come. */
        List<Need> analyse(int year, List<Need> previous, Random random) throws IOException, InterruptedException {
            List<Need> open = new ArrayList<>();
            for (Need need : previous) {
                if (open.size() < CARRIED_OVER && need.careNeed()) {
                    open.add(revise(year, need, random));
                } else {
                    send("POST", base + "/needs/" + need.id() + "/withdrawal", "tjansteperson", year + "-withdraw-" + need.template().key(),
                            JSON.createObjectNode().put("reason", "Ersatt av behovsanalysen för " + year));
                }
            }
            List<NeedTemplate> fresh = new ArrayList<>(NeedTemplate.CATALOGUE);
            fresh.removeIf(template -> open.stream().anyMatch(need -> need.template().equals(template)));
            Collections.shuffle(fresh, random);
            int count = Math.max(1, Math.min(fresh.size(), profile.newNeedsPerYear() + random.nextInt(3) - 1));
            for (NeedTemplate template : fresh.subList(0, count)) {
                open.add(describe(year, template, random));
            }
            return open;
        }

        private ObjectNode needBody(int year, NeedTemplate template, double current, Random random) {
            ObjectNode body = JSON.createObjectNode();
            body.put("title", template.title());
            body.put("description", template.description());
            body.putObject("needGroup").put("description", template.group()).put("size", 2000 + random.nextInt(40000));
            body.putArray("kindsOfEffort").addAll(template.kinds().stream().map(JSON.getNodeFactory()::textNode).toList());
            body.putObject("indicator").put("name", template.indicator()).put("currentValue", current).put("unit", template.unit())
                    .put("direction", template.lowerIsBetter() ? "LOWER_IS_BETTER" : "HIGHER_IS_BETTER")
                    .put("source", template.source()).put("period", Integer.toString(year - 1))
                    .put("catalogueCode", template.catalogueCode());
            body.put("budgetYear", year);
            return body;
        }

        Need describe(int year, NeedTemplate template, Random random) throws IOException, InterruptedException {
            String key = year + "-" + template.key();
            double current = round1(template.low() + random.nextDouble() * (template.high() - template.low()));
            String id = send("POST", base + "/needs", "tjansteperson", "need-" + key, needBody(year, template, current, random))
                    .get("id").asText();
            String need = base + "/needs/" + id;

            double target = round1(template.lowerIsBetter() ? current * (0.6 + random.nextDouble() * 0.25) : current * (1.1 + random.nextDouble() * 0.2));
            ObjectNode targetBody = JSON.createObjectNode().put("target", target).put("targetYear", year + 4);
            Optional<DemoEquity.Breakdown> breakdown = describeInequity(need, key, template, current);
            // Where the groups differ, the elected officials aim the target at halving the gap between them.
            breakdown.filter(described -> described.absoluteGap() >= 0.4)
                    .ifPresent(described -> targetBody.put("targetGroupGap", round1(described.absoluteGap() / 2)));
            send("PUT", need + "/health-target", "fortroendevald", "target-" + key, targetBody);
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                boolean populationLevel = profile.thorough(random);
                String kind = populationLevel ? POPULATION_EVIDENCE[random.nextInt(POPULATION_EVIDENCE.length)]
                        : OTHER_EVIDENCE[random.nextInt(OTHER_EVIDENCE.length)];
                int quality = Math.max(1, Math.min(5, (int) Math.round(1 + profile.thoroughness() * 3 + random.nextInt(2))));
                send("POST", need + "/evidence", "tjansteperson", "evidence-" + key + "-" + i,
                        JSON.createObjectNode().put("kind", kind).put("source", template.source())
                                .put("dataQuality", quality).put("politicalWeight", 1 + random.nextInt(5)));
            }
            boolean careNeed = template.careNeed();
            String severity = GRADES[random.nextInt(GRADES.length)];
            send("PUT", need + "/assessment", "tjansteperson", "assessment-" + key, JSON.createObjectNode()
                    .put("careNeed", careNeed)
                    .put("justification", careNeed ? "Hälso- och sjukvården kan påverka genom insatserna"
                            : "Gapet påverkas främst av faktorer utanför hälso- och sjukvården")
                    .put("severity", severity).put("benefit", GRADES[random.nextInt(GRADES.length)])
                    .put("costEffectiveness", GRADES[random.nextInt(GRADES.length)])
                    .put("evidenceCertainty", GRADES[random.nextInt(GRADES.length)]).put("peopleAffected", 1000 + random.nextInt(30000)));
            return new Need(id, template, current, target, severity, careNeed);
        }

        /** The need's equity breakdown, where the region describes one for this kind of need (the same kind every year). */
        private Optional<DemoEquity.Breakdown> describeInequity(String need, String key, NeedTemplate template, double current)
                throws IOException, InterruptedException {
            Optional<DemoEquity.Breakdown> breakdown = DemoEquity.of(region, template, current, profile.thoroughness(), JSON);
            if (breakdown.isPresent()) {
                send("PUT", need + "/inequity", "tjansteperson", "inequity-" + key, breakdown.get().body());
            }
            return breakdown;
        }

        /** New data for a need that carries over: the gap has closed some of the way towards the target, never all of it. */
        Need revise(int year, Need need, Random random) throws IOException, InterruptedException {
            NeedTemplate template = need.template();
            double step = (need.target() - need.current()) * (0.05 + profile.thoroughness() * 0.35 * random.nextDouble());
            double rounded = round1(need.current() + step);
            double current = Math.abs(rounded - need.target()) < 0.1 ? need.current() : rounded;
            ObjectNode body = JSON.createObjectNode();
            body.set("need", needBody(year, template, current, random));
            body.put("change", "Nya värden för " + (year - 1)).put("reason", "Årets behovsanalys");
            send("POST", base + "/needs/" + need.id() + "/revisions", "tjansteperson", "revise-" + year + "-" + template.key(), body);
            describeInequity(base + "/needs/" + need.id(), year + "-" + template.key(), template, current);
            return new Need(need.id(), template, current, need.target(), need.severity(), need.careNeed());
        }

        /**
         * The wheel's steps held outside the platform, up to today: the dialogue on the selected needs in September
         * (skipped now and then, so that a wheel shows it overdue), the council's decision on plan and budget in
         * November, two consequence dialogues in February and the annual report in April of the year after.
         */
        void wheel(int year) throws IOException, InterruptedException {
            Random random = new Random(region.hashCode() + year);
            String milestones = base + "/arshjul/" + year + "/milestones";
            List<Held> held = new ArrayList<>();
            if (random.nextInt(4) > 0) {
                held.add(new Held("NEEDS_DIALOGUE", (year - 1) + "-09-1" + random.nextInt(10), "Dialog med verksamheter och patientföreningar", "tjansteperson"));
            }
            held.add(new Held("PLAN_AND_BUDGET_DECIDED", (year - 1) + "-11-2" + random.nextInt(8), "RF " + (year - 1) + " §" + (100 + random.nextInt(50)), "fortroendevald"));
            held.add(new Held("CONSEQUENCE_DIALOGUE", year + "-02-0" + (1 + random.nextInt(9)), "Dialog med närsjukvårdsområdena", "tjansteperson"));
            held.add(new Held("CONSEQUENCE_DIALOGUE", year + "-02-1" + random.nextInt(9), "Dialog med kommunerna och patientföreningarna", "tjansteperson"));
            held.add(new Held("ANNUAL_REPORT", (year + 1) + "-04-2" + random.nextInt(8), "RF " + (year + 1) + " §" + (20 + random.nextInt(30)), "tjansteperson"));
            LocalDate today = LocalDate.now(SWEDEN);
            for (Held step : held) {
                if (!LocalDate.parse(step.heldOn()).isAfter(today)) {
                    send("POST", milestones, step.role(), "wheel-" + year + "-" + step.milestone() + "-" + step.heldOn(),
                            JSON.createObjectNode().put("milestone", step.milestone()).put("heldOn", step.heldOn()).put("reference", step.reference()));
                }
            }
        }

        private record Held(String milestone, String heldOn, String reference, String role) {
        }

        /**
         * Ranks the care needs mostly by severity, with a justified deviation now and then, decides, and answers the
         * prioritised, highest first. In the regions of {@link #RECONSIDERED} the decision is then reopened, the
         * ranking reconsidered and decided again, so that the audit's diff of ranking versions has something to show.
         */
        List<Need> prioritise(int year, List<Need> needs, Random random) throws IOException, InterruptedException {
            String rounds = base + "/priority-rounds";
            String round = rounds + "/" + send("POST", rounds, "fortroendevald", "round-" + year,
                    JSON.createObjectNode().put("budgetYear", year)).get("id").asText();
            List<Need> care = new ArrayList<>(needs.stream().filter(Need::careNeed).toList());
            care.sort(Comparator.comparing(need -> DemoRanking.SEVERITIES.indexOf(need.severity())));
            Need declined = care.size() > 2 && random.nextBoolean() ? care.remove(care.size() - 1) : null;
            boolean deviate = care.size() > 1 && random.nextInt(3) > 0 && !care.get(0).severity().equals(care.get(1).severity());
            if (deviate) {
                Collections.swap(care, 0, 1);
            }
            List<DemoRanking.Need> ordered = care.stream().map(need -> new DemoRanking.Need(need.id(), need.severity())).toList();
            int versions = 1 + (int) Math.round((1 - profile.thoroughness()) * 2);
            DemoRanking decided = DemoRanking.twoToALevel(ordered);
            for (int version = 1; version <= versions; version++) {
                rank(round, year + "-" + version, version == versions ? decided : DemoRanking.oneLevelEach(ordered));
            }
            ObjectNode decision = JSON.createObjectNode().put("decidedBy", "Regionfullmäktige")
                    .put("decisionDate", (year - 1) + "-11-2" + random.nextInt(8)).put("minutesReference", "RF " + (year - 1) + " §" + (10 + random.nextInt(40)));
            ArrayNode allocations = decision.putArray("allocations");
            care.forEach(need -> allocations.addObject().put("needId", need.id()).put("amountSek", 1_000_000L * (2 + random.nextInt(20))));
            ArrayNode notPrioritised = decision.putArray("notPrioritised");
            if (declined != null) {
                notPrioritised.addObject().put("needId", declined.id()).put("reason", "Ryms inte i årets ram; ses över i nästa års behovsanalys");
            }
            send("POST", round + "/decision", "fortroendevald", "decision-" + year, decision);
            if (!RECONSIDERED.contains(region)) {
                return care;
            }
            return reconsider(year, round, decided, decision, care);
        }

        /**
         * The decision reopened in December, a need moved up with a new rationale and the levels redrawn, and the
         * same allocations decided again: no random draws, so the other data of the region stay as they were.
         */
        private List<Need> reconsider(int year, String round, DemoRanking decided, ObjectNode decision, List<Need> care)
                throws IOException, InterruptedException {
            send("POST", round + "/reopening", "fortroendevald", "reopening-" + year, JSON.createObjectNode().put("reason",
                    "Nya uppgifter om förväntad nytta har kommit fram efter beslutet; rangordningen omprövas"));
            DemoRanking reconsidered = decided.reconsidered();
            rank(round, year + "-reconsidered", reconsidered);
            send("POST", round + "/decision", "fortroendevald", "decision-" + year + "-reconsidered", decision.deepCopy()
                    .put("decisionDate", (year - 1) + "-12-15").put("minutesReference", "RF " + (year - 1) + " §60"));
            List<String> order = reconsidered.needIds();
            return care.stream().sorted(Comparator.comparing(need -> order.indexOf(need.id()))).toList();
        }

        private void rank(String round, String version, DemoRanking ranking) throws IOException, InterruptedException {
            send("PUT", round + "/ranking", "fortroendevald", "ranking-" + version, ranking.toRequest());
        }

        /** A commission for a prioritised need, issued, accepted and followed up every half year it has run so far. */
        void commission(int year, Need need, int index, Random random) throws IOException, InterruptedException {
            NeedTemplate template = need.template();
            // What the goal is followed up by: the effect on health where the region is thorough, else what comes nearest.
            Measure measured = profile.thorough(random) ? EFFECT : profile.thorough(random) ? MEASURED_BETWEEN[random.nextInt(2)] : ACTIVITY;
            boolean active = profile.thorough(random);
            double target = round1(template.lowerIsBetter() ? need.current() * 0.8 : need.current() * 1.15);
            ObjectNode terms = JSON.createObjectNode().put("priorityRoundId", region + "-" + year).put("provider", provider)
                    .put("description", "Uppdrag till " + template.careUnit().toLowerCase() + ": " + template.title().toLowerCase())
                    .put("start", year + "-01-01").put("end", (year + 2) + "-12-31");
            terms.putArray("needIds").add(need.id());
            terms.putArray("kindsOfEffort").addAll(template.kinds().stream().map(JSON.getNodeFactory()::textNode).toList());
            terms.putArray("goals").addObject().put("goalId", "g-1").put("indicator", template.indicator())
                    .put("baseline", need.current()).put("target", target).put("targetDate", (year + 2) + "-12-31");
            ArrayNode plan = terms.putArray("followUpPlan");
            plan.addObject().put("indicatorId", "i-activity").put("name", template.activity()).put("level", "ACTIVITY")
                    .put("perspective", "OPERATIONAL").put("frequency", "MONTH").put("goalId", measured == ACTIVITY ? "g-1" : null);
            if (measured != ACTIVITY) {
                boolean effect = measured == EFFECT;
                plan.addObject().put("indicatorId", measured.indicatorId()).put("name", effect ? template.indicator() : measured.name())
                        .put("level", measured.level()).put("perspective", effect ? "POPULATION" : "OPERATIONAL")
                        .put("frequency", "QUARTER").put("goalId", "g-1").put("catalogueCode", effect ? template.catalogueCode() : null);
            }
            ObjectNode payment = terms.putObject("payment").put("kind", active ? "ACTIVE" : "PASSIVE")
                    .put("amountSek", 1_000_000L * (3 + random.nextInt(15)));
            if (active) {
                payment.put("linkedShare", BigDecimal.valueOf(1 + random.nextInt(3), 1)).putArray("linkedGoalIds").add("g-1");
            }
            if (index == 1 && JOINT_WITH.containsKey(region)) {
                terms.putObject("collaboration").put("scope", "JOINT").putArray("principals").addObject()
                        .put("kind", "MUNICIPALITY").put("name", JOINT_WITH.get(region));
            }
            String key = "commission-" + year + "-" + index;
            String id = send("POST", base + "/commissions", "tjansteperson", key, terms).get("id").asText();
            String commission = base + "/commissions/" + id;
            if (index == 0 && DIALOGUE.contains(region)) {
                dialogue(commission, key, terms);
            }
            send("POST", commission + "/issue", "fortroendevald", key + "-issue", JSON.createObjectNode()
                    .put("decidedBy", "Hälso- och sjukvårdsnämnden").put("decisionDate", year + "-01-1" + random.nextInt(10)));
            send("POST", commission + "/acceptance", "utforare", key + "-accept", JSON.createObjectNode());
            double value = need.current();
            String indicator = measured.indicatorId();
            for (int followed = year; followed <= currentYear; followed++) {
                if (followed == year + 1 && index == 0 && year == currentYear - 2 && PLAN_REVISED.contains(region)) {
                    revisePlan(commission, key, terms, template.lowerIsBetter() ? need.current() * 0.75 : need.current() * 1.2);
                }
                int quarters = followed < currentYear ? 4 : (LocalDate.now(SWEDEN).getMonthValue() - 1) / 3;
                for (int quarter = 2; quarter <= quarters; quarter += 2) {
                    value = round1(value + (target - need.current()) * (0.03 + profile.thoroughness() * 0.2 * random.nextDouble()));
                    send("POST", commission + "/outcomes", quarter % 4 == 0 ? "tjansteperson" : "utforare",
                            key + "-" + followed + "-q" + quarter, JSON.createObjectNode().put("indicatorId", indicator)
                                    .put("period", followed + "-Q" + quarter).put("value", value).put("source", template.source()));
                    if (quarter == 4 && measured == EFFECT) {
                        groupOutcomes(commission, key + "-" + followed, indicator, followed + "-Q4", need, value / need.current());
                    }
                }
            }
        }

        /**
         * Where the need is broken down by groups of the population, the year's effect is followed up per group too
         * ("Har hälsan förbättrats och blivit mer jämlik?"): each group moved as the whole population did.
         */
        private void groupOutcomes(String commission, String key, String indicator, String period, Need need, double moved)
                throws IOException, InterruptedException {
            Optional<DemoEquity.Breakdown> breakdown = DemoEquity.of(region, need.template(), need.current(), profile.thoroughness(), JSON);
            if (breakdown.isEmpty()) {
                return;
            }
            JsonNode groups = breakdown.get().body().get("groups");
            for (int i = 0; i < groups.size(); i++) {
                JsonNode group = groups.get(i);
                String label = group.get("label").asText();
                send("POST", commission + "/outcomes", "tjansteperson", key + "-group-" + i, JSON.createObjectNode()
                        .put("indicatorId", indicator).put("period", period).put("value", round1(group.get("value").asDouble() * moved))
                        .put("source", need.template().source()).put("group", label));
            }
        }

        /**
         * "Behöver planen revideras?" after a year of follow-up: the provider proposes a more ambitious target and a
         * monthly process indicator of its follow-up calls, and the elected officials agree, so the outcomes from then
         * on are recorded under plan version 2. Where a revision is also declined, the civil servants first propose a
         * milder target, which the officials decline. No random draws.
         */
        private void revisePlan(String commission, String key, ObjectNode terms, double target) throws IOException, InterruptedException {
            if (PLAN_REVISION_DECLINED.contains(region)) {
                ObjectNode milder = revision(terms, "Målet är för ambitiöst för uppdragets tid; vi föreslår ett mildare mål");
                ObjectNode goal = (ObjectNode) milder.get("goals").get(0);
                goal.put("target", round1((goal.get("baseline").asDouble() + goal.get("target").asDouble()) / 2));
                send("POST", commission + "/plan-revision", "tjansteperson", key + "-plan-revision-1", milder);
                send("POST", commission + "/plan-revision/decline", "fortroendevald", key + "-plan-revision-1-decline",
                        JSON.createObjectNode().put("reason", "Nämnden står fast vid målet som prioriterades"));
            }
            ObjectNode revised = revision(terms, "Första årets utfall visar att målet kan skärpas; uppföljande samtal följs upp månadsvis");
            ((ObjectNode) revised.get("goals").get(0)).put("target", round1(target));
            ((ArrayNode) revised.get("followUpPlan")).addObject().put("indicatorId", "i-calls")
                    .put("name", "Andel som fått uppföljande samtal").put("level", "PROCESS").put("perspective", "OPERATIONAL")
                    .put("frequency", "MONTH").putNull("goalId");
            send("POST", commission + "/plan-revision", "utforare", key + "-plan-revision-2", revised);
            send("POST", commission + "/plan-revision/agreement", "fortroendevald", key + "-plan-revision-2-agreement",
                    JSON.createObjectNode());
        }

        private static ObjectNode revision(ObjectNode terms, String reason) {
            ObjectNode revision = JSON.createObjectNode();
            revision.set("goals", terms.get("goals").deepCopy());
            revision.set("followUpPlan", terms.get("followUpPlan").deepCopy());
            revision.set("payment", terms.get("payment").deepCopy());
            return revision.put("reason", reason);
        }

        /**
         * Dialogue before the decision: the provider answers the draft with a comment and proposed changes, the civil
         * servant revises the description as proposed and sends it again, and the provider stands behind it. No random
         * draws, so the other data of the region stay as they were.
         */
        private void dialogue(String commission, String key, ObjectNode terms) throws IOException, InterruptedException {
            if (DIALOGUE_WITHDRAWN.contains(region)) {
                // the civil servant takes back a round before the provider answers it, and sends the draft again
                send("POST", commission + "/dialogue", "tjansteperson", key + "-dialogue-0", JSON.createObjectNode());
                send("POST", commission + "/dialogue-withdrawal", "tjansteperson", key + "-dialogue-0-withdrawal",
                        JSON.createObjectNode().put("reason", "Förslaget skickades innan nämndens synpunkter var inarbetade"));
            }
            send("POST", commission + "/dialogue", "tjansteperson", key + "-dialogue-1", JSON.createObjectNode());
            ObjectNode answer = JSON.createObjectNode().put("comments", "Uppdraget går att genomföra, men bör förtydligas");
            ArrayNode changes = answer.putArray("proposedChanges");
            changes.addObject().put("term", "DESCRIPTION").put("proposal", "Skriv ut att uppdraget gäller hela länet");
            changes.addObject().put("term", "GOAL").put("goalId", "g-1")
                    .put("proposal", "Följ upp målet årligen tillsammans med utföraren, inte bara vid uppdragets slut");
            send("POST", commission + "/dialogue-answer", "utforare", key + "-dialogue-1-answer", answer);
            ObjectNode revised = terms.deepCopy().put("description", terms.get("description").asText() + ", i hela länet");
            send("PUT", commission + "/draft", "tjansteperson", key + "-revised", JSON.createObjectNode().set("terms", revised));
            send("POST", commission + "/dialogue", "tjansteperson", key + "-dialogue-2", JSON.createObjectNode());
            send("POST", commission + "/dialogue-answer", "utforare", key + "-dialogue-2-answer",
                    JSON.createObjectNode().put("comments", "Vi står bakom det reviderade förslaget"));
        }

        /** An experience of the region's work, released to the network by its elected officials. */
        void shareExperience(Random random) throws IOException, InterruptedException {
            ExperienceTemplate template = ExperienceTemplate.CATALOGUE.get(random.nextInt(ExperienceTemplate.CATALOGUE.size()));
            ObjectNode body = JSON.createObjectNode().put("title", template.title()).put("area", template.area())
                    .put("summary", template.summary()).put("contactRole", template.contactRole());
            body.putArray("kindsOfEffort").addAll(template.kinds().stream().map(JSON.getNodeFactory()::textNode).toList());
            String id = send("POST", base + "/experiences", "tjansteperson", "experience", body).get("id").asText();
            send("POST", base + "/experiences/" + id + "/release", "fortroendevald", "experience-release", JSON.createObjectNode());
            releasedExperience = id;
            experienceArea = template.area();
        }

        void optInToBeNamed() throws IOException, InterruptedException {
            send("PUT", base + "/comparison-naming", "fortroendevald", "naming", JSON.createObjectNode().put("named", true)
                    .put("decidedBy", "Regionstyrelsen").put("decisionDate", currentYear + "-02-15")
                    .put("minutesReference", "RS " + currentYear + " §7"));
        }

        private JsonNode send(String method, String url, String role, String key, JsonNode body) throws IOException, InterruptedException {
            String user = region + "-" + role;
            HttpResponse<String> response = command(method, url, credentials.basic(user), "demo-" + currentYear + "-" + region + "-" + key, body);
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + url + " as " + user + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            commands++;
            return JSON.readTree(response.body());
        }
    }

    private static final int CARRIED_OVER = 6;
    private static final Measure ACTIVITY = new Measure("i-activity", "ACTIVITY", null);
    private static final Measure EFFECT = new Measure("i-effect", "EFFECT", null);
    private static final Measure[] MEASURED_BETWEEN = {new Measure("i-process", "PROCESS", "Andel i målgruppen som nåtts av insatsen"),
            new Measure("i-indicator", "INDICATOR", "Andel med uppföljd riskfaktor enligt kvalitetsregistret")};

    /** The follow-up indicator that measures a commission's goal: its id, level and (between activity and effect) name. */
    private record Measure(String indicatorId, String level, String name) {
    }
    private static final String[] GRADES = DemoRanking.SEVERITIES.toArray(String[]::new);
    private static final String[] POPULATION_EVIDENCE = {"BACKGROUND_DATA", "EPIDEMIOLOGY", "SELF_REPORTED"};
    private static final String[] OTHER_EVIDENCE = {"IN_DEPTH_ANALYSIS", "OPERATIONAL_ANALYSIS", "DIALOGUE", "STEERING_DOCUMENT",
            "RESOURCE_DATA", "UTILITY_CALCULATION"};

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
