package org.jixiao.itests.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Clients that keep sending requests on threads of their own while the test does what an operator does (a backup, a
 * bundle update); closing stops them, waits for them and throws what any of them threw.
 */
public final class Clients implements AutoCloseable {

    /** One client's loop, which goes on until {@code stopped} says so. */
    public interface Loop {
        void run(int client, BooleanSupplier stopped) throws Exception;
    }

    private final AtomicBoolean stop = new AtomicBoolean();
    private final ExecutorService threads;
    private final List<Future<?>> running = new ArrayList<>();

    private Clients(int count, Loop loop) {
        threads = Executors.newFixedThreadPool(count);
        for (int c = 0; c < count; c++) {
            int client = c;
            running.add(threads.submit(() -> {
                loop.run(client, stop::get);
                return null;
            }));
        }
    }

    public static Clients start(int count, Loop loop) {
        return new Clients(count, loop);
    }

    @Override
    public void close() throws Exception {
        stop.set(true);
        try {
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
