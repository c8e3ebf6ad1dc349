package org.jixiao.core.internal.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Role;
import org.jixiao.api.store.Store;
import org.jixiao.core.internal.audit.AuditRecords;
import org.jixiao.core.internal.org.OrgUnitServiceImpl;
import org.jixiao.core.internal.schema.CoreSchema;
import org.jixiao.core.internal.schema.NodeFiles;
import org.jixiao.core.internal.security.OwnerOnlyFiles;
import org.jixiao.core.internal.security.PasswordHasher;
import org.jixiao.core.internal.security.Tokens;
import org.jixiao.core.internal.user.UserRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Makes a fresh node usable: with no user at all, creates the root unit and an administrator whose random
 * one-time password goes to a file only the service account can read. There is never a default password,
 * and once any user exists this does nothing, so deleting the file later is safe.
 */
@Component(immediate = true)
public final class InitialAdmin {

    static final String FILE_NAME = "initial-admin-password";
    static final String USERNAME = "admin";
    static final String DISPLAY_NAME = "管理员";
    static final String ROOT_CODE = "city";
    static final String ROOT_NAME = "团市委";

    private static final System.Logger LOG = System.getLogger(InitialAdmin.class.getName());

    private final Optional<Path> passwordFile;

    @Activate
    public InitialAdmin(@Reference Store store, @Reference CoreSchema schema) {
        this(store, new PasswordHasher(), Clock.systemUTC(), NodeFiles.dataDirectory(System::getProperty));
    }

    InitialAdmin(Store store, PasswordHasher hasher, Clock clock, Path dataDirectory) {
        this.passwordFile = run(store, hasher, clock, dataDirectory.resolve(FILE_NAME));
        passwordFile.ifPresent(f -> LOG.log(Level.INFO, "Created the initial administrator " + USERNAME
                + "; the one-time password is in {0}. Log in, change it, then delete the file.", f));
    }

    /** The file written by this activation; empty when users existed already. */
    Optional<Path> passwordFile() {
        return passwordFile;
    }

    private static Optional<Path> run(Store store, PasswordHasher hasher, Clock clock, Path file) {
        if (store.read(UserRepository::count) > 0) {
            return Optional.empty();
        }
        // Hashed outside the transaction: PBKDF2 is slow enough that it should not hold a connection.
        String password = Tokens.initialPassword();
        String hash = hasher.hash(password.toCharArray());
        return store.inTransaction(c -> {
            if (UserRepository.count(c) > 0) {
                return Optional.<Path>empty();
            }
            Instant now = clock.instant();
            OrgUnit root = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT ID, CODE, NAME, LEVEL, PATH FROM JX_ORG_UNIT WHERE PARENT_ID IS NULL");
                    ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    root = new OrgUnit(rs.getLong("ID"), null, rs.getString("CODE"), rs.getString("NAME"),
                            OrgLevel.valueOf(rs.getString("LEVEL")), rs.getString("PATH"));
                }
            }
            if (root == null) {
                root = OrgUnitServiceImpl.insert(c, null, ROOT_CODE, ROOT_NAME, OrgLevel.CITY);
            }
            long id = UserRepository.insert(c, now, USERNAME, DISPLAY_NAME, hash, root.id(), true, true,
                    EnumSet.of(Role.ADMIN, Role.STAFF));
            AuditRecords.insert(c, now, null, "bootstrap.admin", "user:" + id, "password file " + file, null);
            // Last, still inside the transaction: if the file cannot be written the account is rolled back
            // rather than left with a password nobody knows, and the next start tries again.
            writeSecretFile(file, "username=" + USERNAME + "\npassword=" + password + "\n");
            return Optional.of(file);
        });
    }

    /** Writes {@code content} to an owner-only file, replacing a leftover of an earlier failed start. */
    static void writeSecretFile(Path file, String content) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            OwnerOnlyFiles.write(file, content.getBytes(StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the initial administrator's password to " + file, e);
        }
    }
}
