package se.nduh.query.comparison;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Recomputes the figures of every region whose facts changed and sends what became pending, every
 * {@code nduh.comparison.refresh-every}: under a stream of events a region's figures are computed once per
 * interval, not once per batch of the publisher. A region that fails stays stale and is tried again.
 */
@Component
class FigureRefresh {

    private static final Logger log = LoggerFactory.getLogger(FigureRefresh.class);

    private final StaleRegions stale;
    private final FigureOutbox outbox;
    private final FigureSender sender;

    FigureRefresh(StaleRegions stale, FigureOutbox outbox, FigureSender sender) {
        this.stale = stale;
        this.outbox = outbox;
        this.sender = sender;
    }

    @Scheduled(initialDelayString = "${nduh.comparison.refresh-every}", fixedDelayString = "${nduh.comparison.refresh-every}")
    void refreshStaleRegions() {
        for (StaleRegions.Stale region : stale.all()) {
            try {
                outbox.refresh(region.region());
                stale.refreshed(region);
                sender.sendPending(region.region());
            } catch (RuntimeException e) {
                log.warn("The comparison figures of {} are not recomputed yet; trying again later", region.region(), e);
            }
        }
    }
}
