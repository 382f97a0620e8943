/**
 * Who acts: roles bound to regions, local users (HTTP Basic) or OIDC bearer tokens, and the one access
 * table that both sides enforce.
 */
package se.nduh.infrastructure.security;
