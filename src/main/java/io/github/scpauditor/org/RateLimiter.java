package io.github.scpauditor.org;

import java.util.concurrent.TimeUnit;

/**
 * Spaces calls of one API evenly (no bursts), shared by the threads calling that API, so our own pace
 * never provokes Organizations' throttling. Starts at the published rate; when the API throttles anyway
 * (another caller in the account uses part of the budget) the pace slows by a tenth per throttle, and
 * each success wins back a fiftieth of the published rate, never beyond it. (Measured against a server
 * leaving us 80% of the rates, these steps lost less time than a quarter and a twentieth.)
 */
final class RateLimiter {

    private final double maxPerSecond;
    private final double minPerSecond;
    private double perSecond;
    private long nextFree = Long.MIN_VALUE;

    RateLimiter(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + perSecond);
        }
        this.maxPerSecond = perSecond;
        this.minPerSecond = perSecond / 10;
        this.perSecond = perSecond;
    }

    /** Waits for this caller's turn. */
    void acquire() throws InterruptedException {
        long wait = reserve(System.nanoTime());
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** Reserves the next free slot and says how long to wait for it. */
    synchronized long reserve(long now) {
        long slot = nextFree == Long.MIN_VALUE ? now : Math.max(now, nextFree);
        nextFree = slot + (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
        return slot - now;
    }

    synchronized void throttled() {
        perSecond = Math.max(minPerSecond, perSecond * 0.9);
    }

    synchronized void succeeded() {
        perSecond = Math.min(maxPerSecond, perSecond + maxPerSecond / 50);
    }

    synchronized double perSecond() {
        return perSecond;
    }
}
