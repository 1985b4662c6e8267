package io.github.scpauditor.org;

import java.util.concurrent.TimeUnit;

/**
 * Spaces calls of one API evenly at a steady rate (no bursts), shared by the threads calling that API,
 * so our own pace never provokes Organizations' throttling.
 */
final class RateLimiter {

    private final long intervalNanos;
    private long nextFree = Long.MIN_VALUE;

    RateLimiter(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + perSecond);
        }
        this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
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
        nextFree = slot + intervalNanos;
        return slot - now;
    }
}
