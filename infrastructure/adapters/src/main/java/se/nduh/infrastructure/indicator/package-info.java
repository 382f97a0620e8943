/** The shared indicator catalogue: reference data that makes the regions' indicator values comparable. */
package se.nduh.infrastructure.indicator;
