package se.nduh.kernel.commission;

import java.util.List;

/**
 * Whether a commission lies within the region's own organisation or is shared with other principals (uppdrag i
 * samverkan mellan huvudmän), and which. Terms stored before this was recorded read as the own organisation's.
 */
public record Collaboration(Scope scope, List<Principal> principals) {

    public static final Collaboration OWN_ORGANISATION = new Collaboration(Scope.OWN_ORGANISATION, List.of());

    public enum Scope { OWN_ORGANISATION, JOINT }

    public Collaboration {
        principals = principals == null ? List.of() : List.copyOf(principals);
    }
}
