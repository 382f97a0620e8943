package se.nduh.query.comparison;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the figures still pending on their own, every little while: a figure Kafka did not take when the
 * publisher's batch ended goes out as soon as Kafka is back, not only when its region changes again.
 */
@Component
class PendingFigureRetry {

    private static final Logger log = LoggerFactory.getLogger(PendingFigureRetry.class);

    private final FigureOutbox outbox;
    private final FigureSender sender;

    PendingFigureRetry(FigureOutbox outbox, FigureSender sender) {
        this.outbox = outbox;
        this.sender = sender;
    }

    @Scheduled(initialDelayString = "${nduh.comparison.retry-pending-every}", fixedDelayString = "${nduh.comparison.retry-pending-every}")
    void sendWhatIsPending() {
        for (String region : outbox.regionsWithPending()) {
            try {
                sender.sendPending(region);
            } catch (RuntimeException e) {
                log.warn("The pending comparison figures of {} are not sent yet; trying again later", region, e);
            }
        }
    }
}
