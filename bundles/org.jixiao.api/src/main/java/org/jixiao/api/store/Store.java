package org.jixiao.api.store;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The node's database, provided by {@code org.jixiao.store}. */
@ProviderType
public interface Store {

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws (the
     * exception is rethrown as is when unchecked, wrapped in {@link StoreException} when an SQLException).
     */
    <T> T inTransaction(SqlWork<T> work);

    /** Runs read-only {@code work} on a pooled connection. */
    <T> T read(SqlWork<T> work);

    /**
     * Applies, in version order and each in its own transaction, the migrations of {@code owner} not yet in
     * the ledger, and records each with a checksum. Refuses (and applies nothing) when an applied
     * migration's text changed, or when a version in the ledger is missing from {@code migrations}.
     * <p>
     * With a {@linkplain Migration#baseline() baseline} among {@code migrations}: an owner with an empty ledger gets
     * the baseline (one transaction, recorded under its version), then the migrations after it; an owner whose
     * ledger has migrations gets only those after the baseline, and the versions up to it are neither looked for nor
     * compared. A ledger whose newest version is below the baseline's (a node that skipped the releases which still
     * shipped the steps in between) is refused, naming those versions: start a version that still ships them on the
     * database first.
     *
     * @return the versions applied by this call
     */
    List<Integer> migrate(String owner, List<Migration> migrations);

    List<AppliedMigration> applied(String owner);

    /** True when the database answers a trivial query now. */
    boolean healthy();

    /** Product name and version of the engine, for the health report. */
    String engine();
}
