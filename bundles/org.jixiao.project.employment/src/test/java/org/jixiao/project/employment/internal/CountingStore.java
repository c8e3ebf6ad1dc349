package org.jixiao.project.employment.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.jixiao.api.store.SqlWork;
import org.jixiao.api.store.Store;

/**
 * The store, counting what the code under test asks of it: transactions, reads outside one, and every SQL statement
 * run (a batch once), each noted as its verb and first table ("INSERT EMP_YOUTH"). A regression in how much a write
 * costs shows as a count, not as a time.
 */
final class CountingStore {

    private final Store store;
    private final Store counting;
    private final AtomicInteger transactions = new AtomicInteger();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger nested = new AtomicInteger();
    private final ThreadLocal<Integer> open = ThreadLocal.withInitial(() -> 0);
    /** Run after each statement with its name, on the thread that ran it. */
    private volatile java.util.function.Consumer<String> after = name -> { };
    private final List<String> statements = new CopyOnWriteArrayList<>();
    /** One wrapper per pooled connection, as long as it lives: code may tell connections apart (a total's stripe). */
    private final java.util.Map<Connection, Connection> wrappers = java.util.Collections.synchronizedMap(
            new java.util.WeakHashMap<>());

    CountingStore(Store store) {
        this.store = store;
        this.counting = (Store) Proxy.newProxyInstance(CountingStore.class.getClassLoader(),
                new Class<?>[] {Store.class}, (p, m, args) -> call(m, args));
    }

    int transactions() {
        return transactions.get();
    }

    int reads() {
        return reads.get();
    }

    /**
     * Transactions begun by a thread that held one already: each waits for a second connection while holding the
     * first, so as many at once as the pool has connections wait for ever.
     */
    int nested() {
        return nested.get();
    }

    List<String> statements() {
        return List.copyOf(statements);
    }

    /** {@code then} runs after each statement, given its name, on the thread that ran it (e.g. to make two meet). */
    void afterEach(java.util.function.Consumer<String> then) {
        after = then;
    }

    void reset() {
        transactions.set(0);
        reads.set(0);
        nested.set(0);
        statements.clear();
    }

    /** The store the code under test is given. */
    Store store() {
        return counting;
    }

    private Object call(Method m, Object[] args) throws Throwable {
        boolean transaction = m.getName().equals("inTransaction");
        if (!transaction && !m.getName().equals("read")) {
            return invoke(store, m, args);
        }
        (transaction ? transactions : reads).incrementAndGet();
        if (open.get() > 0) {
            nested.incrementAndGet();
        }
        SqlWork<?> work = (SqlWork<?>) args[0];
        open.set(open.get() + 1);
        try {
            return invoke(store, m, new Object[] {(SqlWork<Object>) c -> work.run(wrappers.computeIfAbsent(c,
                    this::counted))});
        } finally {
            open.set(open.get() - 1);
        }
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private Connection counted(Connection c) {
        return proxy(Connection.class, c, (m, args, result) -> {
            if (m.getName().equals("prepareStatement")) {
                return proxy(PreparedStatement.class, (PreparedStatement) result, counting(name((String) args[0])));
            }
            if (m.getName().equals("createStatement")) {
                return proxy(Statement.class, (Statement) result, counting(null));
            }
            return result;
        });
    }

    /** Notes each execution; a plain statement's SQL is its argument. */
    private After counting(String prepared) {
        return (m, args, result) -> {
            if (m.getName().startsWith("execute") && !m.getName().equals("executeLargeBatch")) {
                String name = prepared != null ? prepared : args == null ? "BATCH" : name((String) args[0]);
                statements.add(name);
                after.accept(name);
            }
            return result;
        };
    }

    /** "INSERT EMP_YOUTH", "SELECT REG_TOTAL", "UPDATE EMP_YOUTH", "DELETE EMP_YOUTH_NEED". */
    static String name(String sql) {
        String[] words = sql.strip().toUpperCase(Locale.ROOT).split("[\\s(),]+");
        String verb = words[0];
        for (int i = 1; i < words.length; i++) {
            if (words[i].equals("FROM") || words[i].equals("INTO") || verb.equals("UPDATE") && i == 1) {
                return verb + " " + words[verb.equals("UPDATE") ? i : i + 1];
            }
        }
        return verb;
    }

    private interface After {
        Object apply(Method m, Object[] args, Object result) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler h = (p, m, args) -> after.apply(m, args, invoke(target, m, args));
        return type.cast(Proxy.newProxyInstance(CountingStore.class.getClassLoader(), new Class<?>[] {type}, h));
    }
}
