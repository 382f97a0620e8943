/**
 * The single-machine federated run ({@code ./nduh up --federated}): the network's deployment and a deployment per
 * region on one machine, each with keys of its own and all knowing each other's public keys.
 */
package se.nduh.localplatform.federation;
