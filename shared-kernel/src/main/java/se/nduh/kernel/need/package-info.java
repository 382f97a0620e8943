/** Behov: a population need, described as a health gap with its need group and indicator. */
package se.nduh.kernel.need;
