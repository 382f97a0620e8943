/** The published language on Kafka (the comparison record) and the anonymisation policy that shapes it. */
package se.nduh.kernel.comparison;
