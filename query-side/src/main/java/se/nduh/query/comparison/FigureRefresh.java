package se.nduh.query.comparison;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.nduh.infrastructure.region.RegionDirectory;

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
    private final RegionDirectory regions;
    /**
     * A round of refreshes is followed by a rest four times as long: a region's figures are computed from every fact
     * of the region, a cost that grows with its history, and under a stream of events they would otherwise take the
     * query side's time from its projections. Figures then follow a little later, never falling behind for good.
     */
    private final RestAfterWork pacing = new RestAfterWork(4, System.nanoTime());

    FigureRefresh(StaleRegions stale, FigureOutbox outbox, FigureSender sender, RegionDirectory regions) {
        this.regions = regions;
        this.stale = stale;
        this.outbox = outbox;
        this.sender = sender;
    }

    /** A served region that has left the network ({@link RegionDirectory#hasLeft}) has its figures retracted at start. */
    @EventListener(ApplicationReadyEvent.class)
    void retractWhatLeftRegionsPublished() {
        stale.mark(regions.served().stream().map(region -> region.code().value()).filter(regions::hasLeft).toList());
    }

    @Scheduled(initialDelayString = "${nduh.comparison.refresh-every}", fixedDelayString = "${nduh.comparison.refresh-every}")
    void refreshStaleRegions() {
        long began = System.nanoTime();
        if (!pacing.mayBegin(began)) {
            return;
        }
        for (StaleRegions.Stale region : stale.all()) {
            try {
                outbox.refresh(region);
                stale.refreshed(region);
                sender.sendPending(region.region());
            } catch (RuntimeException e) {
                log.warn("The comparison figures of {} are not recomputed yet; trying again later", region.region(), e);
            }
        }
        pacing.worked(began, System.nanoTime());
    }
}
