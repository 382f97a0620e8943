/**
 * The small views the command side keeps beside its event store for rules that span aggregates, written by
 * subscribing processors in the command's own thread and repaired from the event store ({@link se.nduh.command.view.ViewRepair}).
 */
package se.nduh.command.view;
