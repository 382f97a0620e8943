/**
 * Behov: the {@code Need} aggregate (a health gap with its evidence, target and assessment) and its command API.
 */
package se.nduh.command.need;
