/**
 * The command side: Axon aggregates that decide the governance cycle and the command REST API that feeds
 * them. A runnable Spring Boot application.
 */
package se.nduh.command;
