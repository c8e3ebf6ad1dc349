package org.jixiao.core.internal.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The passwords refused as too common ({@code security/common-passwords.txt}): what a guesser tries first, so the
 * login lockout would protect such a password for a few tries only. Compared without regard to case.
 */
final class CommonPasswords {

    static final String RESOURCE = "/security/common-passwords.txt";

    private CommonPasswords() {
    }

    /** Loaded on first use and kept: about ten thousand short strings. */
    private static final class Holder {
        static final Set<String> LIST = load();
    }

    static boolean contains(String password) {
        return password != null && Holder.LIST.contains(password.strip().toLowerCase(Locale.ROOT));
    }

    static int size() {
        return Holder.LIST.size();
    }

    private static Set<String> load() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                // A bundle built without its list would accept every common password: that is a broken build.
                throw new IllegalStateException(RESOURCE + " is missing from the bundle");
            }
            Set<String> set = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String p = line.strip();
                if (!p.isEmpty() && !p.startsWith("#")) {
                    set.add(p.toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(set);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
