/** What the priority feature offers the others: which needs a decided round prioritised. */
package se.nduh.command.priority.api;
