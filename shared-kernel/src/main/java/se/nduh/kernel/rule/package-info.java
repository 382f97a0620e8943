/** The named business rules and the one exception type that reports a broken rule. */
package se.nduh.kernel.rule;
