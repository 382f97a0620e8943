/** The region's own shared experiences, shared and released, for the region's readers. */
package se.nduh.query.experience;
