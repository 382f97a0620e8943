/** Prioritering: a region's priority round for a budget year, its ranked versions and its decision. */
package se.nduh.kernel.priority;
