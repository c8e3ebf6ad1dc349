package org.jixiao.core.internal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.core.internal.schema.TestDb;
import org.jixiao.core.internal.security.PasswordHasher;
import org.jixiao.core.internal.security.TestHashers;
import org.jixiao.store.internal.MemoryStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitialAdminTest {

    @TempDir
    Path tmp;

    private MemoryStores.Loan store;
    private Path data;
    private final PasswordHasher hasher = TestHashers.fast();
    private final TestDb.MutableClock clock = new TestDb.MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void open() {
        store = TestDb.open();
        data = tmp.resolve("data");
        Logger.getLogger(InitialAdmin.class.getName()).addHandler(capture);
    }

    @AfterEach
    void close() {
        Logger.getLogger(InitialAdmin.class.getName()).removeHandler(capture);
        store.close();
    }

    @Test
    void aFreshNodeGetsTheRootAndAnAdminWithAOneTimePassword() throws Exception {
        InitialAdmin bootstrap = new InitialAdmin(store, hasher, clock, data);
        Path file = data.resolve("initial-admin-password");
        assertEquals(file, bootstrap.passwordFile().orElseThrow());

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        assertEquals("username=admin", lines.get(0));
        assertTrue(lines.get(1).startsWith("password="));
        String password = lines.get(1).substring("password=".length());
        assertEquals(20, password.length());
        assertTrue(PasswordHasher.weakness(password, "admin").isEmpty());
        try (var dir = Files.list(data)) {
            assertEquals(List.of(file), dir.toList(), "no temporary file left behind");
        }

        Map<String, Object> root = TestDb.rows(store, "SELECT * FROM JX_ORG_UNIT").get(0);
        assertNull(root.get("PARENT_ID"));
        assertEquals("city", root.get("CODE"));
        assertEquals("团市委", root.get("NAME"));
        assertEquals(OrgLevel.CITY.name(), root.get("LEVEL"));
        assertEquals("/" + root.get("ID") + "/", root.get("PATH"));

        List<Map<String, Object>> users = TestDb.rows(store, "SELECT * FROM JX_USER");
        assertEquals(1, users.size());
        Map<String, Object> admin = users.get(0);
        assertEquals("admin", admin.get("USERNAME"));
        assertEquals("管理员", admin.get("DISPLAY_NAME"));
        assertEquals(root.get("ID"), admin.get("ORG_UNIT_ID"));
        assertEquals(true, admin.get("ENABLED"));
        assertEquals(true, admin.get("MUST_CHANGE_PASSWORD"));
        assertTrue(hasher.verify(password.toCharArray(), (String) admin.get("PASSWORD_HASH")));
        assertEquals(List.of("ADMIN", "STAFF"), TestDb.rows(store,
                "SELECT ROLE FROM JX_USER_ROLE WHERE USER_ID = ? ORDER BY ROLE", admin.get("ID")).stream()
                .map(r -> r.get("ROLE")).toList());

        TestDb.auditedOnce(store, "bootstrap.admin", "user:" + admin.get("ID"));

        assertFalse(logged.isEmpty());
        for (LogRecord r : logged) {
            String text = r.getMessage() + " " + List.of(r.getParameters() == null ? new Object[0] : r.getParameters());
            assertFalse(text.contains(password), "the password is never logged");
        }
        assertTrue(logged.stream().anyMatch(r -> r.getParameters() != null
                && List.of(r.getParameters()).contains(file)), "the file path is logged");
    }

    @Test
    void laterStartsLeaveUsersAndFileAlone() throws Exception {
        new InitialAdmin(store, hasher, clock, data);
        Path file = data.resolve("initial-admin-password");
        Files.writeString(file, "changed by the operator");

        InitialAdmin again = new InitialAdmin(store, hasher, clock, data);
        assertTrue(again.passwordFile().isEmpty());
        assertEquals("changed by the operator", Files.readString(file));
        assertEquals(1, TestDb.count(store, "JX_USER"));
        assertEquals(1, TestDb.count(store, "JX_ORG_UNIT"));
        assertEquals(1, TestDb.audit(store, "bootstrap.admin").size());

        Files.delete(file);
        new InitialAdmin(store, hasher, clock, data);
        assertFalse(Files.exists(file), "not recreated once users exist");
    }

    @Test
    void anExistingRootIsReusedAndAStaleFileReplaced() throws Exception {
        OrgUnit root = TestDb.insertRoot(store);
        Files.createDirectories(data);
        Path file = data.resolve("initial-admin-password");
        Files.writeString(file, "left over from a start that failed");

        new InitialAdmin(store, hasher, clock, data);
        assertEquals(1, TestDb.count(store, "JX_ORG_UNIT"));
        assertEquals(root.id(), TestDb.rows(store, "SELECT ORG_UNIT_ID FROM JX_USER").get(0).get("ORG_UNIT_ID"));
        assertTrue(Files.readString(file).startsWith("username=admin\npassword="));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void theDataDirectoryFollowsTheStoresLookup() {
        assertEquals(Paths.get("/srv/jx"), org.jixiao.core.internal.schema.NodeFiles.dataDirectory(Map.of("jixiao.data", "/srv/jx",
                "karaf.data", "/opt/karaf/data")::get));
        assertEquals(Paths.get("/opt/karaf/data", "jixiao"),
                org.jixiao.core.internal.schema.NodeFiles.dataDirectory(Map.of("jixiao.data", " ", "karaf.data", "/opt/karaf/data")::get));
        assertEquals(Paths.get("./var"), org.jixiao.core.internal.schema.NodeFiles.dataDirectory(k -> null));
    }
}
