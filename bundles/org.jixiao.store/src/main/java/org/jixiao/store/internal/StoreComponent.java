package org.jixiao.store.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.jixiao.api.store.AppliedMigration;
import org.jixiao.api.store.Migration;
import org.jixiao.api.store.SqlWork;
import org.jixiao.api.store.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Publishes the node's {@link DerbyStore}. A configuration change deactivates and reactivates the
 * component (no {@code @Modified}), so the pool is rebuilt and the database cleanly shut down in between.
 */
@Component(service = {Store.class, Backups.class}, immediate = true, configurationPid = StoreComponent.PID)
@Designate(ocd = StoreComponent.Config.class)
public final class StoreComponent implements Store, Backups {

    static final String PID = "org.jixiao.store";

    /**
     * Sized for a county node (a small server shared with other work); a city node, which holds its counties'
     * records, raises both: etc/org.jixiao.store.cfg, {@code config:edit org.jixiao.store}, or JIXIAO_DB_POOL and
     * JIXIAO_DB_PAGE_CACHE given to bin/jixiao.
     */
    @ObjectClassDefinition(name = "Jixiao store", description = "The embedded Derby database of this node")
    public @interface Config {
        @AttributeDefinition(name = "Pool size", description = "Most database connections open at once", min = "1",
                max = "64")
        int poolSize() default 8;

        @AttributeDefinition(name = "Page cache", description = "Database pages Derby keeps in memory (4 to 32 KB "
                + "each): 1000 for a county node, 4000 or more for a city node", min = "40", max = "1000000")
        int pageCacheSize() default DEFAULT_PAGE_CACHE;
    }

    /** Derby's own default, said here so that the county's bound is ours and not a library's. */
    static final int DEFAULT_PAGE_CACHE = 1000;
    static final String PAGE_CACHE_PROPERTY = "derby.storage.pageCacheSize";

    private final DerbyStore store;
    private final NodeBackup backup;

    @Activate
    public StoreComponent(Config config) {
        Path data = dataDirectory(System.getProperty("jixiao.data"), System.getProperty("karaf.data"));
        // Derby reads it as it boots the database: on activation, and again after a configuration change, since
        // deactivation shuts the database down.
        System.setProperty(PAGE_CACHE_PROPERTY, String.valueOf(config.pageCacheSize()));
        this.store = new DerbyStore(data.resolve("db"), config.poolSize());
        this.backup = new NodeBackup(store, keyDirectory(System.getProperty("jixiao.keys"), data),
                data.resolve("evidence"), Clock.systemUTC());
    }

    /** Where the core keeps the field-encryption key: {@code jixiao.keys}, else {@code <data>/keys}. */
    static Path keyDirectory(String jixiaoKeys, Path data) {
        return jixiaoKeys != null && !jixiaoKeys.isBlank() ? Path.of(jixiaoKeys.strip()) : data.resolve("keys");
    }

    @Override
    public Taken backup(Path target) {
        return backup.take(target);
    }

    @Deactivate
    void deactivate() {
        store.close();
    }

    /** {@code jixiao.data} wins so that tests and a second node on one machine can point elsewhere. */
    static Path dataDirectory(String jixiaoData, String karafData) {
        if (jixiaoData != null && !jixiaoData.isBlank()) {
            return Path.of(jixiaoData);
        }
        if (karafData != null && !karafData.isBlank()) {
            return Path.of(karafData, "jixiao");
        }
        return Path.of("var");
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        return store.inTransaction(work);
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        return store.read(work);
    }

    @Override
    public List<Integer> migrate(String owner, List<Migration> migrations) {
        return store.migrate(owner, migrations);
    }

    @Override
    public List<AppliedMigration> applied(String owner) {
        return store.applied(owner);
    }

    @Override
    public boolean healthy() {
        return store.healthy();
    }

    @Override
    public String engine() {
        return store.engine();
    }
}
