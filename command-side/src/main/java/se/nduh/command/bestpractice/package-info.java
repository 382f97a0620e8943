/**
 * Bästa praxis, the network's part: the coordinators curate the regions' released experiences, as the network
 * received them from Kafka, and retire them. Only in the deployment that is the network's.
 */
package se.nduh.command.bestpractice;
