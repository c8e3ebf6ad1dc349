package org.jixiao.api.security;

import java.time.Instant;

/** A personal API token as listed to its owner; the secret itself is shown once, on creation, and stored hashed. */
public record ApiToken(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt) {
}
