package org.jixiao.core.internal.security;

/** Hashers for tests in other packages: production's 600,000 iterations would make every test slow. */
public final class TestHashers {

    private TestHashers() {
    }

    public static PasswordHasher fast() {
        return new PasswordHasher(1_000);
    }
}
