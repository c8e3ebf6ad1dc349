package org.jixiao.benchmarks;

/**
 * The wall time from the first start to the last end of calls made on any thread: with the evaluation gathering
 * its units on several threads, the calls' own times add up to more than the run spent on them.
 */
final class Span {

    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;

    synchronized void add(long startNanos, long endNanos) {
        first = Math.min(first, startNanos);
        last = Math.max(last, endNanos);
    }

    /** The span so far, in nanoseconds (0 when nothing was added), and a fresh start. */
    synchronized long reset() {
        long span = last > first ? last - first : 0;
        first = Long.MAX_VALUE;
        last = Long.MIN_VALUE;
        return span;
    }
}
