package org.jixiao.api.store;

import java.time.Instant;

/** A row of the migrations ledger. */
public record AppliedMigration(String owner, int version, String description, String checksum, Instant appliedAt) {
}
