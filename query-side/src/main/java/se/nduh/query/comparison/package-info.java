/**
 * The comparison publisher: what leaves the region. It keeps the facts its metrics need, recomputes the region's
 * figures, anonymises them and publishes them on {@code nduh.comparisons.v1} through an outbox.
 */
package se.nduh.query.comparison;
