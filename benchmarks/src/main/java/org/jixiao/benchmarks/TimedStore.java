package org.jixiao.benchmarks;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

import org.jixiao.api.store.AppliedMigration;
import org.jixiao.api.store.Migration;
import org.jixiao.api.store.SqlWork;
import org.jixiao.api.store.Store;

/**
 * The real store, with the time a submission spends in it split up, per thread: the read of the campaign's row and
 * the other reads before the transaction (code, questionnaire), the wait for a pooled connection, the statement that
 * locks the campaign's row (every submission of a campaign takes that lock: an exclusive {@code UPDATE} until issue
 * 18, a shared {@code SELECT ... WITH RS} since; its time is mostly waiting for the lock), the rest of the
 * transaction's statements, and the commit (the durable log flush) with the connection's return to the pool. The
 * transaction that moves held responses, which one submission in ten or so runs after its own, counts with that
 * submission's. A worker {@link #start()}s a sample before each call and reads it after.
 *
 * <p>Only timestamps are added (a proxy around the connection and around the campaign lock's statement); the SQL
 * and the transaction are the real service's.
 */
final class TimedStore implements Store {

    /** Where one submission's time in the store went, in nanoseconds. */
    static final class Sample {
        /** Reads that touch the campaign's row (their shared lock waits for a submission's exclusive one). */
        long campaignRead;
        long reads;
        long borrow;
        long lockWait;
        long work;
        long commit;
        /** From the campaign lock's statement returning (lock held) to the end of the commit; 0 without a lock. */
        long lockHeld;
        /** Transactions run again by the store (a deadlock Derby broke, after its deadlock timeout). */
        long retries;
        private long lockedAt;
        private long workEnd;

        /** Adds another sample's times to this one's. */
        void add(Sample o) {
            campaignRead += o.campaignRead;
            reads += o.reads;
            borrow += o.borrow;
            lockWait += o.lockWait;
            work += o.work;
            commit += o.commit;
            lockHeld += o.lockHeld;
            retries += o.retries;
        }

        void clear() {
            campaignRead = reads = borrow = lockWait = work = commit = lockHeld = retries = lockedAt = workEnd = 0;
        }
    }

    private static final ThreadLocal<Sample> SAMPLE = ThreadLocal.withInitial(Sample::new);

    private final Store delegate;

    TimedStore(Store delegate) {
        this.delegate = delegate;
    }

    /** This thread's sample, cleared; filled by the store calls that follow on this thread. */
    static Sample start() {
        Sample s = SAMPLE.get();
        s.clear();
        return s;
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        Sample s = SAMPLE.get();
        long t0 = System.nanoTime();
        long[] workStart = new long[1];
        try {
            return delegate.inTransaction(c -> {
                if (workStart[0] != 0) {
                    s.retries++;
                }
                workStart[0] = System.nanoTime();
                try {
                    return work.run(timed(c, s, null));
                } finally {
                    s.workEnd = System.nanoTime();
                }
            });
        } finally {
            long end = System.nanoTime();
            if (workStart[0] != 0) {
                s.borrow += workStart[0] - t0;
                s.work += s.workEnd - workStart[0];
                s.commit += end - s.workEnd;
                if (s.lockedAt != 0) {
                    s.lockHeld += end - s.lockedAt;
                    s.lockedAt = 0;
                }
            }
        }
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        Sample s = SAMPLE.get();
        boolean[] campaign = new boolean[1];
        long t0 = System.nanoTime();
        try {
            return delegate.read(c -> work.run(timed(c, s, campaign)));
        } finally {
            long t = System.nanoTime() - t0;
            if (campaign[0]) {
                s.campaignRead += t;
            } else {
                s.reads += t;
            }
        }
    }

    @Override
    public List<Integer> migrate(String owner, List<Migration> migrations) {
        return delegate.migrate(owner, migrations);
    }

    @Override
    public List<AppliedMigration> applied(String owner) {
        return delegate.applied(owner);
    }

    @Override
    public boolean healthy() {
        return delegate.healthy();
    }

    @Override
    public String engine() {
        return delegate.engine();
    }

    /**
     * The connection, with the statement that locks the campaign's row timed; for a read, {@code campaign}
     * notes whether it selects from the campaign table.
     */
    private static Connection timed(Connection c, Sample s, boolean[] campaign) {
        InvocationHandler h = (proxy, method, args) -> {
            Object out = invoke(c, method, args);
            if (method.getName().equals("prepareStatement") && args != null && args.length == 1
                    && args[0] instanceof String sql) {
                if (campaign != null && sql.contains(" FROM JX_QNR_CAMPAIGN ")) {
                    campaign[0] = true;
                } else if (campaign == null && (sql.startsWith("UPDATE JX_QNR_CAMPAIGN ")
                        || sql.startsWith("SELECT ID FROM JX_QNR_CAMPAIGN "))) {
                    return lockTimed((PreparedStatement) out, s);
                }
            }
            return out;
        };
        return (Connection) Proxy.newProxyInstance(TimedStore.class.getClassLoader(), new Class<?>[] {Connection.class},
                h);
    }

    private static PreparedStatement lockTimed(PreparedStatement ps, Sample s) {
        InvocationHandler h = (proxy, method, args) -> {
            if (!(method.getName().equals("executeUpdate") || method.getName().equals("executeQuery"))
                    || (args != null && args.length > 0)) {
                return invoke(ps, method, args);
            }
            long t0 = System.nanoTime();
            Object out = invoke(ps, method, args);
            long t1 = System.nanoTime();
            s.lockWait += t1 - t0;
            s.lockedAt = t1;
            return out;
        };
        return (PreparedStatement) Proxy.newProxyInstance(TimedStore.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, h);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
