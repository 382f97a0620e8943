/** Reporting periods: budget years and quarters. */
package se.nduh.kernel.period;
