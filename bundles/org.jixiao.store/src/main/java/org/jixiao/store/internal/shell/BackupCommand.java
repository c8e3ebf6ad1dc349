package org.jixiao.store.internal.shell;

import java.nio.file.Path;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.jixiao.api.store.StoreException;
import org.jixiao.store.internal.Backups;

@Command(scope = "jixiao", name = "backup", description = "Takes a consistent copy of the running node (database,"
        + " encryption keys, evidence files) into a new timestamped folder with a manifest and SHA256SUMS.")
@Service
public class BackupCommand implements Action {

    @Argument(index = 0, name = "dir", description = "The folder the backup folder is created in, on this machine",
            required = true)
    String dir;

    @Reference
    Backups backups;

    @Override
    public Object execute() throws Exception {
        Backups.Taken taken;
        try {
            taken = backups.backup(Path.of(dir));
        } catch (StoreException | java.nio.file.InvalidPathException e) {
            // A CommandException makes bin/client exit non-zero, so a nightly job notices.
            throw new CommandException("Backup failed: " + e.getMessage());
        }
        System.out.println(summary(taken));
        System.out.flush();
        return null;
    }

    /** The folder on a line of its own first, for scripts, then what was written. */
    static String summary(Backups.Taken taken) {
        return taken.folder() + "\n" + String.format(Locale.ROOT, "%d files, %.1f MB, %.1f s", taken.files(),
                taken.bytes() / 1_000_000.0, taken.took().toMillis() / 1000.0);
    }
}
