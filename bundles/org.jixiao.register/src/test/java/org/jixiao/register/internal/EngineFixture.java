package org.jixiao.register.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.Actor;
import org.jixiao.api.FieldCipher;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Role;
import org.jixiao.api.store.Migration;
import org.jixiao.api.testing.AuditLines;
import org.jixiao.api.testing.FixedOrgUnits;
import org.jixiao.store.internal.DerbyStore;

/**
 * A real Derby database with the engine's migration, the core's user tables and a test project's register tables,
 * the engine wired to small doubles of the org tree, the audit log and the cipher, and a fixed day, 15 June 2024.
 */
final class EngineFixture implements AutoCloseable {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2024, 6, 15);
    static final OrgUnit CITY = FixedOrgUnits.CITY;
    static final OrgUnit COUNTY_A = FixedOrgUnits.COUNTY_A;
    static final OrgUnit COUNTY_B = FixedOrgUnits.COUNTY_B;
    static final OrgUnit DEPARTMENT = FixedOrgUnits.DEPARTMENT;

    final DerbyStore store;
    final List<String> audit = Collections.synchronizedList(new ArrayList<>());
    RegisterEngine engine;
    final TestProject project = new TestProject();

    EngineFixture(Path dir) {
        store = new DerbyStore(dir.resolve("db"), 4);
        store.migrate("test", List.of(new Migration(1, "test", TestProject.SCHEMA)));
        engine = restart();
    }

    /** A new engine on the same database, as after a restart of the node. */
    RegisterEngine restart() {
        engine = new RegisterEngine(store, new FixedOrgUnits(), new AuditLines(audit), new Cipher(), Clock.fixed(
                TODAY.atTime(10, 0).atZone(ZONE).toInstant(), ZONE), 0);
        return engine;
    }

    static Actor actor(long id, OrgUnit unit, Role... roles) {
        return new Actor(id, "u" + id, Set.of(roles), unit, Locale.SIMPLIFIED_CHINESE);
    }

    static Actor granted(long id, OrgUnit unit, String... grants) {
        return new Actor(id, "u" + id, Set.of(Role.VIEWER), unit, Locale.SIMPLIFIED_CHINESE, Set.of(grants));
    }

    /** Rows of a table, deleted ones included: "nothing written" means this does not change. */
    long rows(String table) {
        return store.read(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM " + table); var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    void sql(String statement) {
        store.inTransaction(c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate(statement);
            }
            return null;
        });
    }

    @Override
    public void close() {
        store.close();
    }


    /** Reversible and visibly not the plaintext; a read is audited like the node's cipher does. */
    private final class Cipher implements FieldCipher {
        @Override
        public String encrypt(String plaintext) {
            return "enc:" + Base64.getEncoder().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String decrypt(String ciphertext, Actor reader, String target) {
            audit.add("decrypt " + target + " by " + reader.username());
            return new String(Base64.getDecoder().decode(ciphertext.substring(4)), StandardCharsets.UTF_8);
        }

        /** One line for the lot, as the node's cipher writes it. */
        @Override
        public List<String> decryptAll(List<String> ciphertexts, Actor reader, String target) {
            audit.add("decrypt " + target + " by " + reader.username());
            return ciphertexts.stream().map(c -> c == null ? null
                    : new String(Base64.getDecoder().decode(c.substring(4)), StandardCharsets.UTF_8)).toList();
        }

        @Override
        public String keyedHash(String domain, String value) {
            return Integer.toHexString((domain + ":" + value).hashCode());
        }
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
