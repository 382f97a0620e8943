/** Hash functions shared by the anonymisation policy and the infrastructure. */
package se.nduh.kernel.hash;
