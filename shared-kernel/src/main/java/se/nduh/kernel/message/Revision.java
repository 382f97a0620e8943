package se.nduh.kernel.message;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The revision of a stored message's shape. Kept here rather than Axon's own annotation so that the
 * kernel stays framework-free; the event store reads it through a revision resolver, and an upcaster
 * follows whenever it changes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {
    String value();
}
