/** The member regions of the network, as reference data. */
package se.nduh.kernel.region;
