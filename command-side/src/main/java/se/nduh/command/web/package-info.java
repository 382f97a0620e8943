/**
 * The command API's plumbing: sending a command with the acting user's metadata, answering its id and version,
 * and the idempotency keys that make a retry safe.
 */
package se.nduh.command.web;
