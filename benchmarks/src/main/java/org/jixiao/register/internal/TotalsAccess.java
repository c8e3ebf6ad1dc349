package org.jixiao.register.internal;

import org.jixiao.api.register.RegisterDefinition;

/** The engine's fingerprint of a register's aggregates, which is package-private: the benchmark shares the package. */
public final class TotalsAccess {

    private TotalsAccess() {
    }

    public static String fingerprint(RegisterDefinition def) {
        return Totals.fingerprint(def);
    }
}
