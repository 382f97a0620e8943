package se.nduh.localplatform.demo;

import java.util.List;

/** An experience a demo region shares with the network: what it did, in which area, and which role to ask. */
record ExperienceTemplate(String title, String area, String summary, List<String> kinds, String contactRole) {

    static final List<ExperienceTemplate> CATALOGUE = List.of(
            new ExperienceTemplate("Behovsanalys med kommunerna", "NEEDS",
                    "Regionen och kommunerna tog fram en gemensam behovsanalys för barn och unga, med elevhälsans data som grund.",
                    List.of("PREVENTIVE", "HEALTH_PROMOTING"), "Folkhälsostrateg, regionkontoret"),
            new ExperienceTemplate("Öppen prioritering i fullmäktige", "PRIORITISATION",
                    "Rangordningen med etiska motiveringar presenterades öppet, och avvikelser från svårighetsgrad motiverades skriftligt.",
                    List.of("TREATMENT"), "Politisk sekreterare, regionstyrelsens kansli"),
            new ExperienceTemplate("Uppdrag med effektmål", "COMMISSIONING",
                    "Uppdragen till primärvården fick effektmål i befolkningsperspektiv och en del av ersättningen kopplad till målen.",
                    List.of("TREATMENT", "PREVENTIVE"), "Uppdragsstrateg, hälso- och sjukvårdsförvaltningen"),
            new ExperienceTemplate("Uppföljning på effektnivå", "FOLLOW_UP",
                    "Uppföljningen flyttades från antal besök till andel med förbättrat självskattat välbefinnande.",
                    List.of("TREATMENT", "REHABILITATION"), "Analytiker, enheten för uppföljning"),
            new ExperienceTemplate("Fallprevention för äldre", "COMMISSIONING",
                    "Fallriskbedömningar i hemsjukvården minskade fallskadorna bland personer över 80 år.",
                    List.of("PREVENTIVE", "CARE"), "Verksamhetsutvecklare, geriatriken"),
            new ExperienceTemplate("Brytpunktssamtal i tid", "FOLLOW_UP",
                    "Palliativregistrets data följdes kvartalsvis och andelen dokumenterade brytpunktssamtal ökade.",
                    List.of("PALLIATIVE"), "Samordnare, palliativa teamet"));
}
