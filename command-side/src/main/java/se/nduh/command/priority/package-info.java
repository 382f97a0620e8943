/**
 * Prioritering: the {@code PriorityRound} aggregate (one per region and budget year: its ranked versions and its
 * decision) and its command API. What it knows of needs comes through {@code need.api}.
 */
package se.nduh.command.priority;
