/**
 * Audit replay: a priority round or a need as it stood at any instant or version, rebuilt from its own events
 * through the kernel's states (the write side's own logic), every change with who made it, and what changed
 * between two ranking versions.
 */
package se.nduh.query.audit;
