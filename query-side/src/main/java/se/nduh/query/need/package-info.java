/** The need registry: the region's needs with their gaps, evidence, assessment and priority level. */
package se.nduh.query.need;
