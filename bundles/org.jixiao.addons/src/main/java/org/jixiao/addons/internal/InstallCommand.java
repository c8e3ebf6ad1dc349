package org.jixiao.addons.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jixiao.api.Actor;

@Command(scope = "jixiao", name = "install", description = "Checks a signed plugin archive (.kar) and prints what"
        + " installing it would change; installs (or updates to) it with --confirm. Refused as on the add-ons page.")
@Service
public class InstallCommand extends AddonsCommand {

    @Argument(index = 0, name = "file", required = true, description = "the .kar file")
    String file;

    @Option(name = "--confirm", description = "install it after the check (without: only the check and the preview)")
    boolean confirm;

    @Override
    String run(Addons addons, Actor console) throws Exception {
        Path path = Path.of(file);
        String sha256 = addons.upload(console, path.getFileName().toString(), Files.readAllBytes(path));
        Addons.Pending pending = addons.pending(console, sha256, LOCALE);
        String preview = preview(pending);
        Refusal refusal = pending.plan().refusal();
        if (refusal != null) {
            return preview + text(project.messages(LOCALE), refusal);
        }
        if (!confirm) {
            return preview + "(not installed: add --confirm)";
        }
        addons.installArchive(console, sha256);
        return preview + "installed";
    }
}
