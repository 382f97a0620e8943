/**
 * Revision (audit): a priority round or a need as it stood at any instant or version, rebuilt from its own events
 * through the kernel's states (the write side's own logic), every change with who made it, what changed between two
 * ranking versions; whether the region's event record is untouched, its checkpoints, and who read its audit trails.
 */
package se.nduh.query.audit;
