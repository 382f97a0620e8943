/** Revision (audit): whether a region's event record is untouched, its checkpoints, and how decisions were reached. */
package se.nduh.query.audit;
