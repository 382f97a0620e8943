/** The web edge shared by both sides: the bounds a request's values keep, and failures translated once into RFC 9457 problems. */
package se.nduh.infrastructure.web;
