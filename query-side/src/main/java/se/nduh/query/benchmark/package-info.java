/**
 * Jämförelser, the benchmarking views: the network's anonymised comparison records, read from
 * {@code nduh.comparisons.v1} into the comparison board, served as metrics, one metric's figures of a period
 * with the own region marked, and trends.
 */
package se.nduh.query.benchmark;
