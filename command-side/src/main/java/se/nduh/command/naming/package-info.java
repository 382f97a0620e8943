/** The region's part in the network's comparisons: its elected officials' decision to be named or not. */
package se.nduh.command.naming;
