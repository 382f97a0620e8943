/** What the need feature offers the others: each need's standing (assessed, care need, withdrawn). */
package se.nduh.command.need.api;
