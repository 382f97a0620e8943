package se.nduh.kernel.need;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The kinds of effort (insatser) a need can call for, with their Swedish names. */
public enum KindOfEffort {
    PREVENTIVE("förebyggande"),
    HEALTH_PROMOTING("hälsofrämjande"),
    TREATMENT("behandling"),
    REHABILITATION("rehabilitering"),
    CARE("omvårdnad/omsorg"),
    PALLIATIVE("palliation");

    private final String swedish;

    KindOfEffort(String swedish) {
        this.swedish = swedish;
    }

    /** An immutable set in declaration order, so serialised messages are the same on every run. */
    public static Set<KindOfEffort> setOf(Collection<KindOfEffort> kinds) {
        EnumSet<KindOfEffort> copy = EnumSet.noneOf(KindOfEffort.class);
        copy.addAll(kinds);
        return Collections.unmodifiableSet(copy);
    }

    public String swedish() {
        return swedish;
    }
}
