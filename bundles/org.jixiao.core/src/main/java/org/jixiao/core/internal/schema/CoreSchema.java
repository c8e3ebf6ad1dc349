package org.jixiao.core.internal.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
        List<Migration> result = new ArrayList<>(MIGRATIONS.length);
        for (String file : MIGRATIONS) {
            Migration m = Migration.fromFile(file, read(LOCATION + file));
            result.add(Objects.requireNonNull(m, () -> "not a migration file name: " + file));
        }
        return result;
    }

    private static String read(String resource) {
        try (InputStream in = CoreSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration " + resource + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + resource, e);
        }
    }
}
