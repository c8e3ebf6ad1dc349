package org.jixiao.store.internal;

import java.nio.file.Path;
import java.time.Duration;

/** The node's online backup, for the {@code jixiao:backup} console command (see {@link NodeBackup}). */
public interface Backups {

    /** What a backup wrote: its folder, how many files and bytes, and how long it took. */
    record Taken(Path folder, int files, long bytes, Duration took) {
    }

    /** Writes a consistent copy of the running node into a new timestamped folder below {@code target}. */
    Taken backup(Path target);
}
