/** Uppdrag and uppföljning: commissions to providers, their follow-up plans and recorded outcomes. */
package se.nduh.kernel.commission;
