/** The demo year of the single-machine default, loaded through the command API as the demo users. */
package se.nduh.infrastructure.demo;
