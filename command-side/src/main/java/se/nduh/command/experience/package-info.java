/**
 * Erfarenheter och bästa praxis: a region shares an experience, its elected officials release it to the
 * network, and the network's coordinators curate it as best practice or retire it.
 */
package se.nduh.command.experience;
