/**
 * The network's best-practice library: the served regions' released experiences go out on
 * {@code nduh.experiences.v1}; every query side keeps what the network released, with the coordinators'
 * curation, and answers the curated ones to every signed-in role.
 */
package se.nduh.query.bestpractice;
