package org.jixiao.web.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per client and kind of request, in memory: each bucket holds up to {@code perMinute} tokens,
 * refills at {@code perMinute} a minute and spends one a request. The map is bounded: least recently seen
 * clients go first when it is full, and a bucket idle long enough to be full again is forgotten, as it would
 * allow the same. Only the key (the client address) is kept, with a count and a time; nothing of a request.
 */
final class RateLimiter {

    /** The most clients remembered; a flood of addresses evicts the oldest instead of filling the heap. */
    static final int MAX_CLIENTS = 10_000;
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final int perMinute;
    private final int maxClients;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true);

    RateLimiter(int perMinute, int maxClients, LongSupplier nanoClock) {
        if (perMinute < 1 || maxClients < 1) {
            throw new IllegalArgumentException("perMinute and maxClients must be positive");
        }
        this.perMinute = perMinute;
        this.maxClients = maxClients;
        this.nanoClock = nanoClock;
    }

    RateLimiter(int perMinute) {
        this(perMinute, MAX_CLIENTS, System::nanoTime);
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    /** Spends a token of {@code client}; false when it has none left (the request is to be refused). */
    synchronized boolean allow(String client) {
        long now = nanoClock.getAsLong();
        Bucket b = buckets.get(client);
        if (b == null) {
            evict(now);
            b = new Bucket(perMinute, now);
            buckets.put(client, b);
        } else {
            b.tokens = Math.min(perMinute, b.tokens + (now - b.at) * (double) perMinute / MINUTE_NANOS);
            b.at = now;
        }
        if (b.tokens < 1) {
            return false;
        }
        b.tokens -= 1;
        return true;
    }

    /** Whether {@code client} has a token to spend, without spending it: for what only failures pay for. */
    synchronized boolean available(String client) {
        Bucket b = buckets.get(client);
        if (b == null) {
            return true;
        }
        long now = nanoClock.getAsLong();
        b.tokens = Math.min(perMinute, b.tokens + (now - b.at) * (double) perMinute / MINUTE_NANOS);
        b.at = now;
        return b.tokens >= 1;
    }

    /** Seconds until {@code client} has a token again, for Retry-After; at least 1. */
    synchronized long retryAfterSeconds(String client) {
        Bucket b = buckets.get(client);
        if (b == null || b.tokens >= 1) {
            return 1;
        }
        double seconds = (1 - b.tokens) * 60.0 / perMinute;
        return Math.max(1, (long) Math.ceil(seconds));
    }

    synchronized int size() {
        return buckets.size();
    }

    /** Drops buckets that are full again (idle a minute), oldest first, then the oldest while over the cap. */
    private void evict(long now) {
        var it = buckets.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Bucket> e = it.next();
            boolean idle = now - e.getValue().at >= MINUTE_NANOS;
            if (idle || buckets.size() >= maxClients) {
                it.remove();
            } else {
                // Access order: the rest were seen later.
                break;
            }
        }
    }
}
