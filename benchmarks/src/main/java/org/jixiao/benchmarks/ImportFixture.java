package org.jixiao.benchmarks;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

import org.jixiao.api.Actor;
import org.jixiao.api.AuditLog;
import org.jixiao.api.FieldCipher;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitDraft;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.register.RegisterService;
import org.jixiao.api.store.Store;
import org.jixiao.core.internal.org.OrgUnitServiceImpl;
import org.jixiao.core.internal.schema.CoreSchema;
import org.jixiao.register.internal.ImportAccess;
import org.jixiao.register.internal.RegisterEngine;
import org.jixiao.store.internal.DerbyStore;

/**
 * A fresh node's database for one import run: the real {@code DerbyStore} on disk (durable commits, the shipped pool
 * of 8), the core's org units, audit log and field cipher, the real {@code RegisterEngine} and the real
 * {@code EmploymentProject} on it, a city with three counties and a staff member of the first county, who imports.
 */
final class ImportFixture implements AutoCloseable {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String REGISTER = "youth";

    final Path dir;
    final DerbyStore store;
    final RegisterEngine engine;
    final KeyProject project;
    final OrgUnit county;
    final OrgUnit otherCounty;
    /** A county's staff member: the records are theirs. */
    final Actor staff;
    /** Another county's staff member, who writes single records while an import runs. */
    final Actor otherStaff;

    ImportFixture(Path dir) {
        this.dir = dir;
        Fixture.delete(dir);
        System.setProperty("jixiao.keys", dir.resolve("keys").toString());
        store = new DerbyStore(dir.resolve("db"), 8);
        Wiring wiring = new Wiring();
        wiring.put(Store.class, store);
        wiring.put(CoreSchema.class, new CoreSchema(store));
        OrgUnit root = store.inTransaction(c -> OrgUnitServiceImpl.insert(c, null, "city", "团市委", OrgLevel.CITY));
        Actor admin = new Actor(1, "admin", Set.of(Role.ADMIN), root, Locale.SIMPLIFIED_CHINESE);
        OrgUnitService orgUnits = wiring.get(OrgUnitService.class);
        List<OrgUnit> counties = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            counties.add(orgUnits.create(admin, new OrgUnitDraft(root.id(), String.format("c%02d", i),
                    String.format("第%02d县团委", i), OrgLevel.COUNTY)));
        }
        county = counties.get(0);
        otherCounty = counties.get(1);
        staff = new Actor(11, "staff01", Set.of(Role.STAFF), county, Locale.SIMPLIFIED_CHINESE);
        otherStaff = new Actor(12, "staff02", Set.of(Role.STAFF), otherCounty, Locale.SIMPLIFIED_CHINESE);
        AuditLog audit = wiring.put(AuditLog.class,
                (AuditLog) wiring.create("org.jixiao.core.internal.audit.AuditLogService"));
        FieldCipher cipher = wiring.put(FieldCipher.class,
                (FieldCipher) wiring.create("org.jixiao.core.internal.security.AesFieldCipher"));
        engine = new RegisterEngine(store, orgUnits, audit, cipher, Clock.system(ZONE), 0);
        wiring.put(RegisterService.class, engine);
        project = (KeyProject) wiring.create("org.jixiao.project.employment.internal.EmploymentProject");
        store.migrate(project.id(), EmploymentFixture.migrations(project.getClass()));
    }

    long count(String sql) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public void close() {
        ImportAccess.stop(engine);
        store.close();
        if (!Boolean.getBoolean("keep")) {
            Fixture.delete(dir);
        }
    }

    // ---------------------------------------------------------------- messages

    /**
     * The texts a user sees, so that headers and choice labels are the real Chinese ones: the web bundle's
     * {@code register.*} messages and the employment bundle's, read from the source tree (the fat jar leaves the
     * latter out, see the README). A key without a text stands for itself.
     */
    static Function<String, String> messages(Path repo) {
        Properties p = new Properties();
        for (String file : List.of("bundles/org.jixiao.web/src/main/resources/i18n/web.properties",
                "bundles/org.jixiao.project.employment/src/main/resources/i18n/messages.properties")) {
            Path path = repo.resolve(file);
            try (Reader r = new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("run from the repository's root (or -Drepo=…): " + path, e);
            }
        }
        return key -> p.getProperty(key, key);
    }
}
