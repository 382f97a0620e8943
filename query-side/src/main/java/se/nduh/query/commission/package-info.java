/** The commission board and the outcome series of the region's commissions. */
package se.nduh.query.commission;
