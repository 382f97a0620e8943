package se.nduh.kernel.commission;

/** How far a closed commission reached its goals (utvärdering). */
public enum Evaluation {
    ACHIEVED,
    PARTLY_ACHIEVED,
    NOT_ACHIEVED
}
