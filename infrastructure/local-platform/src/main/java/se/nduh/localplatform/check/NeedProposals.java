package se.nduh.localplatform.check;

/** The body of a {@code ProposeNeed} that the checks send: a valid need whose title and source say which check sent it. */
final class NeedProposals {

    private NeedProposals() {
    }

    /** A need titled "{@code check} {@code number}", its source the check's name, its group size varying with the number. */
    static String body(String check, int number) {
        return """
                {"title": "%s %d", "needGroup": {"description": "Invånare", "size": %d}, "kindsOfEffort": ["PREVENTIVE"],
                 "indicator": {"name": "Andel", "currentValue": 10, "unit": "%%", "direction": "LOWER_IS_BETTER",
                               "source": "%s", "period": "2025"}}""".formatted(check, number, 100 + number, check);
    }
}
