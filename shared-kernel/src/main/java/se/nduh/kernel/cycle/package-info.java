/** The budget year's cycle (årshjul): the steps of the seeds' wheel that happen outside the platform and are recorded in it. */
package se.nduh.kernel.cycle;
