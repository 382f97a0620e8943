/**
 * Uppdrag and uppföljning: the {@code Commission} aggregate from draft to closure, with its follow-up plan and
 * recorded outcomes, and its command API. Which needs a round prioritised comes through {@code priority.api}.
 */
package se.nduh.command.commission;
