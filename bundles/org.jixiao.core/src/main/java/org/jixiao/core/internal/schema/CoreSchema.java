package org.jixiao.core.internal.schema;

import java.util.List;

import org.jixiao.api.store.Migration;
import org.jixiao.api.store.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The core's tables. Every other core component that touches the database references this service, so
 * none of them can start on a schema that is missing or behind.
 */
@Component(service = CoreSchema.class, immediate = true)
public final class CoreSchema {

    public static final String OWNER = "org.jixiao.core";

    static final String LOCATION = "/db/core/";

    // Listed by hand: a bundle's class loader can read a resource but cannot list a directory. The baseline builds
    // what V1 to V13 built (their files are in git's history); later migrations follow it.
    static final String[] MIGRATIONS = {
        "B13__baseline.sql",
    };

    private final List<Integer> applied;

    @Activate
    public CoreSchema(@Reference Store store) {
        this.applied = List.copyOf(store.migrate(OWNER, migrations()));
    }

    /** Versions this activation applied; empty when the schema was already current. */
    public List<Integer> appliedNow() {
        return applied;
    }

    static List<Migration> migrations() {
        return Migration.resources(CoreSchema.class, LOCATION, MIGRATIONS);
    }
}
