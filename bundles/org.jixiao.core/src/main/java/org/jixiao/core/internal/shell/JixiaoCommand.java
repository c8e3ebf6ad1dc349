package org.jixiao.core.internal.shell;

import java.lang.System.Logger.Level;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.CommandException;
import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;

/**
 * The commands' common frame: a failure of the services becomes a {@link CommandException}, which the Karaf
 * shell prints as its message alone (no stack trace, logged at debug only) and which makes {@code bin/client}
 * exit non-zero, so a script notices. Unexpected failures are logged with their trace, for the log only.
 */
abstract class JixiaoCommand implements Action {

    private static final System.Logger LOG = System.getLogger(JixiaoCommand.class.getName());

    @Override
    public final Object execute() throws Exception {
        String out;
        try {
            out = run();
        } catch (ValidationException | AccessDeniedException | NotFoundException e) {
            throw new CommandException(Console.describe(e));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Console command " + getClass().getSimpleName() + " failed", e);
            throw new CommandException(Console.describe(e) + " (details in the log)");
        }
        if (out != null) {
            System.out.print(out.endsWith("\n") ? out : out + "\n");
            System.out.flush();
        }
        return null;
    }

    /** Does the work and returns what to print. */
    abstract String run();
}
