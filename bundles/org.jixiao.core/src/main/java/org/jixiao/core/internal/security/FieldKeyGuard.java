package org.jixiao.core.internal.security;

import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

import org.jixiao.api.FieldKeyStatus;
import org.jixiao.api.store.Store;
import org.jixiao.core.internal.schema.CoreSchema;
import org.jixiao.core.internal.schema.Jdbc;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Checks the field-encryption key against the fingerprint the database keeps ({@code JX_FIELD_KEY}) before anything
 * may encrypt or decrypt, and only then enables the {@link AesFieldCipher}. A lost key file used to be replaced by a
 * new key without a word: every record answered 500, the same person registered again, and what was written meanwhile
 * stayed unreadable even after the old key came back. Now, while encrypted values exist:
 * <ul>
 * <li>a missing key file is never replaced;</li>
 * <li>a key file other than the fingerprinted one is not used;</li>
 * <li>in both cases, and for an unreadable file, the cipher is not offered, so what holds encrypted fields waits,
 * and this service tells health, the admin page and the log why.</li>
 * </ul>
 * The fingerprint is written when the key first encrypts (or hashes), so a node that never stored anything encrypted
 * is free to make a key; a database from before fingerprints that already had users has a row without one, and its
 * key file is then trusted once and fingerprinted, but a missing one is not replaced.
 */
@Component(service = {FieldKeyGuard.class, FieldKeyStatus.class}, immediate = true)
public final class FieldKeyGuard implements FieldKeyStatus {

    private static final System.Logger LOG = System.getLogger(FieldKeyGuard.class.getName());
    private static final String DUPLICATE_KEY = "23505";

    private final Store store;
    private final Clock clock;
    private final Path keyFile;
    private final State state;
    private final String detail;
    /** Null unless {@link State#OK}. */
    private final FieldCrypto crypto;
    /** Whether the database holds this key's fingerprint; set once, then encrypting costs no query. */
    private volatile boolean recorded;

    @Activate
    public FieldKeyGuard(ComponentContext context, @Reference Store store, @Reference CoreSchema schema) {
        this(store, AesFieldCipher.keyDirectory(System::getProperty), Clock.systemUTC());
        if (state == State.OK) {
            context.enableComponent(AesFieldCipher.class.getName());
        } else {
            context.disableComponent(AesFieldCipher.class.getName());
            LOG.log(Level.ERROR, problem(Locale.ENGLISH) + "\n" + problem(Locale.SIMPLIFIED_CHINESE));
        }
    }

    FieldKeyGuard(Store store, Path keyDirectory, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keyFile = keyDirectory.resolve(FieldCrypto.KEY_FILE);
        record Known(String fingerprint) {
        }
        Known known = store.read(c -> Jdbc.one(c, "SELECT FINGERPRINT FROM JX_FIELD_KEY WHERE ID = 1",
                rs -> new Known(rs.getString(1))));
        State s;
        String why = null;
        FieldCrypto loaded = null;
        if (known != null && !Files.exists(keyFile, LinkOption.NOFOLLOW_LINKS)) {
            // FieldCrypto would make a new key here: exactly what must not happen over existing values.
            s = State.MISSING;
        } else {
            try {
                loaded = new FieldCrypto(keyDirectory);
                s = known == null || known.fingerprint() == null || known.fingerprint().equals(loaded.fingerprint())
                        ? State.OK : State.DIFFERENT;
            } catch (IllegalStateException e) {
                s = State.UNREADABLE;
                why = e.getMessage();
            }
        }
        this.state = s;
        this.detail = why;
        this.crypto = s == State.OK ? loaded : null;
        if (s == State.OK && known != null) {
            if (known.fingerprint() == null) {
                store.inTransaction(c -> Jdbc.update(c, "UPDATE JX_FIELD_KEY SET FINGERPRINT = ?, RECORDED_AT = ?"
                        + " WHERE ID = 1", crypto.fingerprint(), clock.instant()));
            }
            recorded = true;
        }
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public String problem(Locale locale) {
        if (state == State.OK) {
            return null;
        }
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.console",
                Locale.ENGLISH.getLanguage().equals(locale == null ? null : locale.getLanguage()) ? Locale.ENGLISH
                        : Locale.SIMPLIFIED_CHINESE,
                FieldKeyGuard.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String key = "fieldKey." + state.name().toLowerCase(Locale.ROOT);
        return MessageFormat.format(bundle.getString(key), keyFile.toAbsolutePath(), detail);
    }

    /** The checked key; only the cipher asks, and it is only enabled when the key is {@link State#OK}. */
    FieldCrypto crypto() {
        if (crypto == null) {
            throw new IllegalStateException(problem(Locale.ENGLISH));
        }
        return crypto;
    }

    /**
     * Called before the key encrypts or hashes anything: from then on values under it may exist, so its fingerprint
     * is kept, and a later start without this very key refuses to serve them.
     */
    void aboutToUse() {
        if (recorded) {
            return;
        }
        synchronized (this) {
            if (recorded) {
                return;
            }
            store.inTransaction(c -> {
                try {
                    Jdbc.update(c, "INSERT INTO JX_FIELD_KEY (ID, FINGERPRINT, RECORDED_AT) VALUES (1, ?, ?)",
                            crypto().fingerprint(), clock.instant());
                } catch (java.sql.SQLException e) {
                    if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                        throw e;
                    }
                    // Recorded meanwhile: by this key, or this key must not write beside the other's values.
                    String stored = Jdbc.one(c, "SELECT FINGERPRINT FROM JX_FIELD_KEY WHERE ID = 1",
                            rs -> rs.getString(1));
                    if (!crypto().fingerprint().equals(stored)) {
                        throw new IllegalStateException("another field key was fingerprinted meanwhile");
                    }
                }
                return null;
            });
            recorded = true;
        }
    }
}
