package se.nduh.query.commission;

import se.nduh.kernel.period.Period;

import java.math.BigDecimal;
import java.time.Instant;

/** One recorded outcome; a corrected value stays, marked superseded, so the series shows what was known when. */
public record OutcomeView(String outcomeId, String commissionId, String region, String indicatorId, Period period,
                          BigDecimal value, String source, String goalId, BigDecimal goalFulfilment, Instant recordedAt,
                          String supersedes, boolean superseded) {
}
