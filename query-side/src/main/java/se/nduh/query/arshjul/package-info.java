/** Årshjulet: where a region stands in the annual wheel of needs-based governance for a budget year. */
package se.nduh.query.arshjul;
