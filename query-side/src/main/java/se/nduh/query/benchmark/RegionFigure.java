package se.nduh.query.benchmark;

import java.util.List;

/**
 * A served region's own figure for one metric and period, before anonymisation; it never leaves the region.
 * The items are the ids counted, so that counting the same event twice changes nothing.
 */
record RegionFigure(String metric, String region, String period, List<String> items, long revision) {
}
