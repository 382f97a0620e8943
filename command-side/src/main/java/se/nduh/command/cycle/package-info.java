/** The budget year's wheel: the steps held in meetings and documents, recorded by the region. */
package se.nduh.command.cycle;
