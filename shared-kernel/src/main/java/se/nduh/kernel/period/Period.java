package se.nduh.kernel.period;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A reporting period: a budget year ({@code 2025}) or a quarter of one ({@code 2025-Q3}). */
public record Period(@JsonValue String value) {

    public static final String FORMAT_DESCRIPTION = "a year (2025) or a quarter (2025-Q3)";
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-Q([1-4]))?");

    public Period {
        Objects.requireNonNull(value, "period");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("A period is " + FORMAT_DESCRIPTION + ": " + value);
        }
    }

    @JsonCreator
    public static Period of(String value) {
        return new Period(value);
    }

    public static Period year(int year) {
        return new Period(Integer.toString(year));
    }

    /** The budget year a date falls in: the calendar year, as the regions' budgets follow it. */
    public static Period yearOf(LocalDate date) {
        return year(date.getYear());
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    public int year() {
        return Integer.parseInt(matcher().group(1));
    }

    /** The first day of the period. */
    public LocalDate start() {
        Matcher matcher = matcher();
        int firstMonth = matcher.group(2) == null ? 1 : (Integer.parseInt(matcher.group(2)) - 1) * 3 + 1;
        return LocalDate.of(Integer.parseInt(matcher.group(1)), firstMonth, 1);
    }

    /** The last day of the period. */
    public LocalDate end() {
        return start().plusMonths(matcher().group(2) == null ? 12 : 3).minusDays(1);
    }

    /** Whether the period shares at least one day with the interval. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return !start().isAfter(to) && !end().isBefore(from);
    }

    private Matcher matcher() {
        Matcher matcher = FORMAT.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalStateException(value);
        }
        return matcher;
    }

    @Override
    public String toString() {
        return value;
    }
}
