package se.nduh.query.audit;

import org.springframework.web.util.HtmlUtils;
import se.nduh.infrastructure.eventstore.ChainVerifier;
import se.nduh.infrastructure.security.Role;
import se.nduh.kernel.need.Grade;
import se.nduh.kernel.need.NeedState;
import se.nduh.kernel.priority.Allocation;
import se.nduh.kernel.priority.EthicalPrinciple;
import se.nduh.kernel.priority.NotPrioritised;
import se.nduh.kernel.priority.PrioritiesDecided;
import se.nduh.kernel.priority.RankedNeed;
import se.nduh.kernel.priority.RankingCriterion;
import se.nduh.query.audit.AuditAnswers.NeedAsOf;
import se.nduh.query.audit.AuditAnswers.TimelineEntry;
import se.nduh.query.audit.ChainCheckpoints.CheckpointCheck;
import se.nduh.query.audit.DecisionReports.DecisionReport;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The audit report of a decision as a printable page in Swedish (revisionsrapport), for people who read rather than
 * parse: the same content as the JSON, every text from the record escaped.
 */
final class DecisionReportPage {

    private static final DateTimeFormatter SWEDISH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Europe/Stockholm"));
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.45}
            h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #999}
            table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #999;padding:.3rem .4rem;text-align:left;vertical-align:top}
            th{background:#eee}.ok{color:#0a5c1f;font-weight:bold}.broken{color:#a30000;font-weight:bold}code{font-size:.85em;word-break:break-all}
            @media print{body{margin:0;max-width:none}h2{page-break-after:avoid}tr{page-break-inside:avoid}}
            """;

    private DecisionReportPage() {
    }

    static String render(DecisionReport report) {
        Map<String, NeedState> needs = report.asDecided().needs().stream().map(NeedAsOf::need)
                .collect(Collectors.toMap(need -> need.needId().value(), Function.identity(), (first, second) -> first));
        Function<String, String> title = id -> needs.containsKey(id) ? needs.get(id).title() : id;
        PrioritiesDecided decision = report.asDecided().round().decision();
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Revisionsrapport ")
                .append(escape(report.roundId())).append("</title><style>").append(STYLE).append("</style></head><body><main>");
        page.append("<h1>Revisionsrapport: beslut ").append(report.decision()).append(" av ").append(report.decisions())
                .append(" i prioriteringen ").append(escape(report.roundId())).append("</h1>");
        page.append("<p>Region: ").append(escape(report.region())).append(". Rapporten togs fram ").append(time(report.producedAt()))
                .append(". Stabil länk: <code>").append(escape(report.link())).append("</code></p>");

        page.append("<h2>Beslutet</h2><table>");
        row(page, "Beslutat av", decision.decidedBy());
        row(page, "Beslutsdatum", String.valueOf(decision.decisionDate()));
        row(page, "Protokoll", decision.minutesReference());
        row(page, "Rangordningens version", String.valueOf(decision.rankingVersion()));
        row(page, "Registrerat i plattformen", time(report.decisionRecorded().at()) + " av " + who(report.decisionRecorded()));
        page.append("</table>");

        page.append("<h2>Rangordningen som beslutad</h2><table><tr><th>Plats</th><th>Behov</th><th>Nivå</th><th>Motivering</th>"
                + "<th>Principer</th><th>Kriterier</th><th>Avsteg från svårighetsordningen</th></tr>");
        int place = 1;
        for (RankedNeed ranked : report.asDecided().round().ranking()) {
            page.append("<tr><td>").append(place++).append("</td><td>").append(escape(title.apply(ranked.needId().value())))
                    .append("</td><td>").append(ranked.priorityLevel()).append("</td><td>").append(escape(ranked.rationale()))
                    .append("</td><td>").append(escape(swedish(ranked.principles(), EthicalPrinciple::swedish)))
                    .append("</td><td>").append(escape(swedish(ranked.criteria(), RankingCriterion::swedish)))
                    .append("</td><td>").append(escape(ranked.deviationRationale())).append("</td></tr>");
        }
        page.append("</table>");

        page.append("<h2>Icke-göra</h2>");
        if (decision.notPrioritised().isEmpty()) {
            page.append("<p>Inga behov lämnades utanför.</p>");
        } else {
            page.append("<table><tr><th>Behov</th><th>Skäl</th></tr>");
            for (NotPrioritised left : decision.notPrioritised()) {
                page.append("<tr><td>").append(escape(title.apply(left.needId().value()))).append("</td><td>")
                        .append(escape(left.reason())).append("</td></tr>");
            }
            page.append("</table>");
        }
        if (!decision.allocations().isEmpty()) {
            page.append("<h2>Fördelning</h2><table><tr><th>Behov</th><th>Belopp (kr)</th></tr>");
            for (Allocation allocation : decision.allocations()) {
                page.append("<tr><td>").append(escape(title.apply(allocation.needId().value()))).append("</td><td>")
                        .append(allocation.amountSek().toPlainString()).append("</td></tr>");
            }
            page.append("</table>");
        }

        page.append("<h2>Behoven som de stod vid beslutet</h2>");
        for (NeedAsOf asOf : report.asDecided().needs()) {
            needSection(page, asOf.need());
        }

        page.append("<h2>Ändringar sedan föregående beslut</h2>");
        if (report.sincePreviousDecision() == null) {
            page.append("<p>Detta är prioriteringens första beslut.</p>");
        } else if (report.sincePreviousDecision().changes().isEmpty()) {
            page.append("<p>Rangordningen är densamma som vid föregående beslut.</p>");
        } else {
            page.append("<table><tr><th>Behov</th><th>Ändring</th><th>Plats före</th><th>Plats efter</th></tr>");
            for (RankingDiff.NeedChange change : report.sincePreviousDecision().changes()) {
                page.append("<tr><td>").append(escape(title.apply(change.needId().value()))).append("</td><td>")
                        .append(change.changes().stream().map(DecisionReportPage::swedish).collect(Collectors.joining(", ")))
                        .append("</td><td>").append(orDash(change.placeBefore())).append("</td><td>").append(orDash(change.placeAfter()))
                        .append("</td></tr>");
            }
            page.append("</table>");
        }

        page.append("<h2>Tidslinje fram till beslutet</h2><table><tr><th>Tid</th><th>Vad</th><th>Ärende</th><th>Vem</th>"
                + "<th>Korrelations-id</th></tr>");
        for (TimelineEntry entry : report.timeline()) {
            page.append("<tr><td>").append(time(entry.at())).append("</td><td>").append(escape(entry.command())).append("</td><td>")
                    .append(escape(entry.aggregateType().equals("Need") ? title.apply(entry.aggregateId()) : entry.aggregateId()))
                    .append("</td><td>").append(escape(who(entry))).append("</td><td><code>").append(escape(entry.correlationId()))
                    .append("</code></td></tr>");
        }
        page.append("</table>");

        integritySection(page, report.integrity());
        return page.append("</main></body></html>").toString();
    }

    private static void needSection(StringBuilder page, NeedState need) {
        page.append("<h3>").append(escape(need.title())).append("</h3><table>");
        row(page, "Indikator", need.indicator().name() + ": " + need.indicator().currentValue().toPlainString() + " "
                + need.indicator().unit() + " (" + need.indicator().period().value() + ", " + need.indicator().source() + ")");
        row(page, "Mål", need.target() == null ? "inget mål satt" : need.target().toPlainString() + " år " + need.targetYear());
        row(page, "Hälsogap", need.gap() == null ? "–" : need.gap().absolute().toPlainString());
        if (need.assessment() != null) {
            row(page, "Vårdbehov", need.assessment().careNeed() ? "ja" : "nej");
            row(page, "Svårighetsgrad / nytta / kostnadseffektivitet / evidens", grade(need.assessment().severity()) + " / "
                    + grade(need.assessment().benefit()) + " / " + grade(need.assessment().costEffectiveness()) + " / "
                    + grade(need.assessment().evidenceCertainty()));
            row(page, "Bedömning", need.assessment().justification());
        }
        row(page, "Återkallat behov", need.withdrawn() ? "ja" : "nej");
        page.append("</table>");
        if (!need.evidence().isEmpty()) {
            page.append("<table><tr><th>Underlag</th><th>Källa</th><th>Kvalitet (1–5)</th><th>Politisk vikt (1–5)</th><th>Status</th></tr>");
            for (NeedState.Evidence evidence : need.evidence()) {
                page.append("<tr><td>").append(escape(evidence.kind().swedish())).append("</td><td>").append(escape(evidence.source()))
                        .append("</td><td>").append(evidence.dataQuality()).append("</td><td>").append(evidence.politicalWeight())
                        .append("</td><td>").append(evidence.withdrawn() ? "återkallat: " + escape(evidence.withdrawalReason()) : "gäller")
                        .append("</td></tr>");
            }
            page.append("</table>");
        }
    }

    private static void integritySection(StringBuilder page, DecisionReports.Integrity integrity) {
        page.append("<h2>Verifiering av underlaget</h2><p class=\"").append(integrity.intact() ? "ok\">Oförändrat" : "broken\">Ändrat")
                .append("</p><p>").append(integrity.events()).append(" händelser i prioriteringen och dess behov kontrollerades");
        if (integrity.eventsBeforeChain() > 0) {
            page.append(", varav ").append(integrity.eventsBeforeChain()).append(" lagrades innan kedjan fanns");
        }
        page.append(".</p>");
        for (ChainVerifier.Break broken : integrity.breaks()) {
            page.append("<p class=\"broken\">Brott i ").append(escape(broken.aggregate())).append(" vid händelse ")
                    .append(broken.sequenceNumber()).append(" (").append(broken.problem()).append("): väntat <code>")
                    .append(escape(broken.expected())).append("</code>, funnet <code>").append(escape(broken.found())).append("</code></p>");
        }
        CheckpointCheck checkpoint = integrity.checkpoint();
        if (checkpoint == null) {
            page.append("<p>Regionen har ännu ingen kontrollpunkt.</p>");
            return;
        }
        page.append("<table>");
        row(page, "Kontrollpunkt", "position " + checkpoint.position() + ", tagen " + (checkpoint.takenAt() == null ? "–" : time(checkpoint.takenAt())));
        row(page, "Rot (Merkle)", checkpoint.root());
        row(page, "Håller", checkpoint.holds() ? "ja" : "nej, roten är nu " + checkpoint.recomputedRoot());
        row(page, "Signerad av (publik nyckel)", checkpoint.signer());
        page.append("</table>");
    }

    private static void row(StringBuilder page, String label, String value) {
        page.append("<tr><th scope=\"row\">").append(escape(label)).append("</th><td>").append(escape(value)).append("</td></tr>");
    }

    private static String who(TimelineEntry entry) {
        String name = entry.userName() != null ? entry.userName() + " (" + entry.userId() + ")" : String.valueOf(entry.userId());
        return name + ", " + Role.find(entry.role()).map(Role::swedish).orElse(String.valueOf(entry.role()));
    }

    private static <T> String swedish(Collection<T> values, Function<T, String> swedish) {
        return values.stream().map(swedish).sorted().collect(Collectors.joining(", "));
    }

    private static String swedish(RankingDiff.Change change) {
        return switch (change) {
            case ADDED -> "tillkom";
            case REMOVED -> "togs bort";
            case MOVED_UP -> "flyttades upp";
            case MOVED_DOWN -> "flyttades ned";
            case LEVEL_CHANGED -> "ny nivå";
            case RATIONALE_CHANGED -> "ny motivering";
            case PRINCIPLES_CHANGED -> "andra principer";
            case CRITERIA_CHANGED -> "andra kriterier";
            case DEVIATION_CHANGED -> "ändrat avsteg";
        };
    }

    private static String grade(Grade grade) {
        return grade == null ? "–" : grade.swedish();
    }

    private static String orDash(Integer place) {
        return place == null ? "–" : place.toString();
    }

    private static String time(java.time.Instant instant) {
        return SWEDISH_TIME.format(instant);
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
