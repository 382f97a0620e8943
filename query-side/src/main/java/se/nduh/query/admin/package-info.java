/**
 * Running the projections: their dead-letter queues and the interceptor that announces each handled event, and
 * for operators ({@code drift}) where each stands, rebuilds and retries, and each processor's lag and dead letters as
 * metrics.
 */
package se.nduh.query.admin;
