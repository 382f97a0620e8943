package se.nduh.localplatform.demo;

import java.util.List;

/**
 * A kind of need the demo regions describe, the ranges its indicator takes across regions, who acts on it, and
 * the indicator of the shared catalogue ({@code nduh/indicators.csv}) it is measured by.
 */
record NeedTemplate(String key, String title, String description, String group, List<String> kinds, String indicator,
                    String unit, boolean lowerIsBetter, double low, double high, String source, boolean careNeed,
                    String careUnit, String activity, String catalogueCode) {

    static final List<NeedTemplate> CATALOGUE = List.of(
            new NeedTemplate("diabetes", "Komplikationer vid typ 2-diabetes", "Andelen med diabeteskomplikationer ökar",
                    "Personer med typ 2-diabetes", List.of("TREATMENT", "PREVENTIVE"), "Andel med komplikationer", "%",
                    true, 14, 26, "Nationella diabetesregistret", true, "Primärvården", "Genomförda årskontroller", "diabetes-complications"),
            new NeedTemplate("stroke", "ADL-förmåga efter stroke", "För få återfår sin ADL-förmåga efter stroke",
                    "Personer som drabbats av stroke", List.of("TREATMENT", "REHABILITATION"), "Andel oberoende i ADL efter 3 mån", "%",
                    false, 62, 80, "Riksstroke", true, "Medicinkliniken", "Vårdtillfällen på strokeenhet", "stroke-adl"),
            new NeedTemplate("depression", "Psykiskt välbefinnande bland vuxna med depression", "Många med depression mår fortsatt dåligt",
                    "Vuxna med depression", List.of("TREATMENT"), "Andel med förbättrat självskattat välbefinnande", "%",
                    false, 35, 60, "Nationella patientenkäten", true, "Psykiatrin", "Genomförda KBT-behandlingar", "depression-wellbeing"),
            new NeedTemplate("arthrosis", "Smärta vid artros", "Artrospatienter lever med smärta som går att lindra",
                    "Personer med höft- eller knäartros", List.of("TREATMENT", "REHABILITATION"), "Andel smärtfria ett år efter insats", "%",
                    false, 40, 65, "Svenska artrosregistret (BOA)", true, "Ortopedin", "Deltagare i artrosskola", "arthrosis-pain-free"),
            new NeedTemplate("obesity", "Fetma bland barn", "Ökande andel barn med fetma",
                    "Barn 6–12 år", List.of("PREVENTIVE", "HEALTH_PROMOTING"), "Andel barn med fetma", "%",
                    true, 5, 12, "Elevhälsans hälsosamtal", true, "Barnhälsovården", "Hälsosamtal med familjer", "child-obesity"),
            new NeedTemplate("youth", "Psykisk ohälsa bland unga", "Fler unga rapporterar nedsatt psykiskt välbefinnande",
                    "Unga 13–25 år", List.of("HEALTH_PROMOTING", "PREVENTIVE"), "Andel med nedsatt psykiskt välbefinnande", "%",
                    true, 15, 30, "Hälsa på lika villkor", true, "Ungdomsmottagningarna", "Besök på ungdomsmottagning", "youth-mental-health"),
            new NeedTemplate("falls", "Fallskador bland äldre", "Fallolyckor är en vanlig orsak till sjukhusvård bland äldre",
                    "Personer 80 år och äldre", List.of("PREVENTIVE", "CARE"), "Fallskador per 1 000 invånare 80+", "per 1 000",
                    true, 35, 60, "Patientregistret", true, "Geriatriken", "Genomförda fallriskbedömningar", "falls-80-plus"),
            new NeedTemplate("palliative", "Palliativ vård i livets slutskede", "Alla får inte brytpunktssamtal i tid",
                    "Personer i livets slutskede", List.of("PALLIATIVE"), "Andel med dokumenterat brytpunktssamtal", "%",
                    false, 45, 75, "Svenska palliativregistret", true, "Palliativa teamet", "Genomförda brytpunktssamtal", "palliative-breakpoint"),
            new NeedTemplate("lifeexpectancy", "Skillnad i medellivslängd mellan kommuner", "Medellivslängden skiljer sig mellan kommunerna",
                    "Hela befolkningen", List.of("HEALTH_PROMOTING"), "Skillnad i återstående medellivslängd", "år",
                    true, 2, 5, "SCB", false, "Folkhälsoenheten", "Insatser i samverkan med kommunerna", "life-expectancy-gap"),
            new NeedTemplate("asthma", "Astma hos barn", "Många barn med astma saknar uppföljning",
                    "Barn 0–17 år med astma", List.of("TREATMENT", "PREVENTIVE"), "Andel med årlig astmauppföljning", "%",
                    false, 40, 70, "Vårdens kvalitetsregister", true, "Barn- och ungdomsmedicin", "Astmakontroller", null),
            new NeedTemplate("heartfailure", "Återinläggning vid hjärtsvikt", "Många med hjärtsvikt läggs in på nytt inom 30 dagar",
                    "Personer med hjärtsvikt", List.of("TREATMENT", "CARE"), "Andel återinlagda inom 30 dagar", "%",
                    true, 15, 28, "Patientregistret", true, "Kardiologin", "Sjuksköterskeledda hjärtsviktsmottagningar", null),
            new NeedTemplate("screening", "Deltagande i cellprovtagning", "Deltagandet i screening är lågt i vissa områden",
                    "Kvinnor 23–64 år", List.of("PREVENTIVE"), "Andel som deltar i cellprovtagning", "%",
                    false, 70, 88, "Nationellt kvalitetsregister för cervixcancerprevention", true, "Kvinnohälsovården", "Kallelser med självprovtagning", null),
            new NeedTemplate("alcohol", "Riskbruk av alkohol", "Riskbruket av alkohol ökar bland äldre",
                    "Vuxna 65 år och äldre", List.of("HEALTH_PROMOTING", "PREVENTIVE"), "Andel med riskabla alkoholvanor", "%",
                    true, 10, 20, "Hälsa på lika villkor", true, "Primärvården", "Rådgivande samtal om levnadsvanor", null),
            new NeedTemplate("rehab", "Återgång i arbete efter sjukskrivning", "Långa sjukskrivningar för psykisk ohälsa",
                    "Sjukskrivna 20–64 år", List.of("REHABILITATION"), "Andel åter i arbete inom 180 dagar", "%",
                    false, 50, 75, "Försäkringskassan", true, "Rehabkoordinatorerna", "Rehabiliteringsplaner", null));
}
