/**
 * The demo of the single-machine default: its users (one per region and role, with generated passwords) and
 * three budget years loaded through the command API as those users.
 */
package se.nduh.localplatform.demo;
