/** The web edge shared by both sides: failures translated once into RFC 9457 problems. */
package se.nduh.infrastructure.web;
