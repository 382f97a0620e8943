/** Read-model access for projections and queries: idempotent, version-guarded upserts of view records. */
package se.nduh.infrastructure.readmodel;
