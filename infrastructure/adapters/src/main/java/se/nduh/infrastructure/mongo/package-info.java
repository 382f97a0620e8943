/** The MongoDB clients and their health check, for both sides. */
package se.nduh.infrastructure.mongo;
