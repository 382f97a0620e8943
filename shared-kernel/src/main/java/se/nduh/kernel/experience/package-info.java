/**
 * Erfarenheter och bästa praxis: an experience a region shares, releases to the network by its elected
 * officials' decision, and coordinators curate as best practice; and the record released experiences travel in.
 */
package se.nduh.kernel.experience;
