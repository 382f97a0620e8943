/** The read models' store (idempotent, version-guarded upserts) and their change feed: read-your-writes waits and the region's Server-Sent Events. */
package se.nduh.query.readmodel;
