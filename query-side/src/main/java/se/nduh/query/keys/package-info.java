/** The served regions' secret pseudonym keys: they never leave the deployment. */
package se.nduh.query.keys;
