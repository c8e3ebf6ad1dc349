package org.jixiao.core.internal.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Accounts and API tokens as authentication last read them, so that a request resolves its caller without reading
 * the token, the user and its roles every time. Every write of users, roles or tokens calls {@link #changed()} once
 * it has committed; an entry read before the latest change is never used again (a revoked token, a disabled user or a
 * dropped role counts from the next request on), nor one older than {@link #FRESH_FOR}, which bounds what a change
 * made around this code (a restored backup) could leave.
 */
final class Cached<K, V> {

    static final Duration FRESH_FOR = Duration.ofSeconds(30);
    /** Entries at most; past that the cache starts over rather than grow with every token ever seen. */
    static final int MAX = 10_000;

    // One count for the bundle: a change anywhere invalidates every cache, which is only ever too cautious.
    private static final AtomicLong GENERATION = new AtomicLong();

    private record Entry<V>(V value, long generation, Instant until) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    Cached(Clock clock) {
        this.clock = clock;
    }

    /** To be called after every committed write of users, roles or tokens. */
    static void changed() {
        GENERATION.incrementAndGet();
    }

    /** The value of {@code key}: cached, or {@code load}ed (an absent value is not kept: it is read again). */
    Optional<V> get(K key, Supplier<Optional<V>> load) {
        // Taken before reading: a change committed meanwhile makes what was read stale, and so unused.
        long generation = GENERATION.get();
        Instant now = clock.instant();
        Entry<V> e = entries.get(key);
        if (e != null && e.generation() == generation && now.isBefore(e.until())) {
            return Optional.of(e.value());
        }
        Optional<V> v = load.get();
        if (v.isEmpty()) {
            entries.remove(key);
            return v;
        }
        if (entries.size() >= MAX) {
            entries.clear();
        }
        entries.put(key, new Entry<>(v.get(), generation, now.plus(FRESH_FOR)));
        return v;
    }

    /** Replaces a cached value by what this node itself just wrote of it, keeping its age. */
    void update(K key, V value) {
        entries.computeIfPresent(key, (k, e) -> new Entry<>(value, e.generation(), e.until()));
    }
}
