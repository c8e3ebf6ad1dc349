package org.jixiao.register.internal;

import java.io.IOException;
import java.util.function.Function;

import org.jixiao.api.Actor;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.register.RecordQuery;

/** The engine's import and export, which its pages reach in the package: the benchmark shares the package. */
public final class ImportAccess {

    private ImportAccess() {
    }

    public static Transfer transfer(RegisterEngine engine) {
        return engine.transfer();
    }

    /** Stops the engine's import worker, as deactivating the component does. */
    public static void stop(RegisterEngine engine) {
        engine.transfer().close();
    }

    public static byte[] template(RegisterEngine engine, Actor actor, KeyProject project, String register,
            Function<String, String> msg) throws IOException {
        return engine.transfer().template(actor, project, register, msg);
    }

    /** Every record of the register the actor reaches, as the list page's export button gives them. */
    public static byte[] export(RegisterEngine engine, Actor actor, KeyProject project, String register, boolean csv,
            Function<String, String> msg) throws IOException {
        return engine.transfer().export(actor, project, register, RecordQuery.firstPage(), csv, false, msg);
    }
}
