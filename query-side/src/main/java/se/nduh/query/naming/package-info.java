/** Whether the region appears in the comparisons by its code, by its elected officials' decision. */
package se.nduh.query.naming;
