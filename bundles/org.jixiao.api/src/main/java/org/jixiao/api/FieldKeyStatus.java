package org.jixiao.api;

import java.util.Locale;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Whether the field-encryption key is the one the stored encrypted values were written with. When the key file is
 * missing, unreadable or another one while encrypted values exist, the node offers no {@link FieldCipher}: what
 * holds encrypted fields (the register engine, the key projects) waits instead of answering 500s or writing values
 * no key will ever read together with the old ones, the rest of the node goes on, and health and the admin page
 * say why.
 */
@ProviderType
public interface FieldKeyStatus {

    enum State {
        /** The key is the one the database knows, or the database holds nothing encrypted yet. */
        OK,
        /** Encrypted values exist and the key file is gone; no new key was made over them. */
        MISSING,
        /** The key file is not the one the encrypted values were written with. */
        DIFFERENT,
        /** The key file exists but cannot be read or is malformed. */
        UNREADABLE
    }

    State state();

    /** What is wrong and what to do about it, in {@code locale}'s language; null when {@link State#OK}. */
    String problem(Locale locale);
}
