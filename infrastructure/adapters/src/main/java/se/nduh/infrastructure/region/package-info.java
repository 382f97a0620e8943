/** The member regions as reference data, and their public list. */
package se.nduh.infrastructure.region;
