/** Markers that describe messages to the infrastructure without tying the kernel to a framework. */
package se.nduh.kernel.message;
