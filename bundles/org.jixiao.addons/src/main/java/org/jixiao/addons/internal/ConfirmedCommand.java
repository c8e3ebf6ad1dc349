package org.jixiao.addons.internal;

import org.apache.karaf.shell.api.action.Option;

/** A command that changes the node: without {@code --confirm} it only says what it would do, like the page's step. */
abstract class ConfirmedCommand extends AddonsCommand {

    @Option(name = "--confirm", description = "do it (without: only say what would be done)")
    boolean confirm;
}
