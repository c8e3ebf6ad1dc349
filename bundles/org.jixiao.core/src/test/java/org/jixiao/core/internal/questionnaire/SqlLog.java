package org.jixiao.core.internal.questionnaire;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.jixiao.api.store.SqlWork;
import org.jixiao.api.store.Store;

/**
 * The real store, with what runs through it written down: each read and each transaction, with the statements it
 * executed. A statement executed as a JDBC batch counts once per row added, as Derby executes it once per row.
 */
final class SqlLog {

    /** One read or transaction: the SQL of every execution, in order. */
    record Call(boolean transaction, List<String> executions) {
    }

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "addBatch");

    /** The store to hand to the code under test: {@code delegate}, its reads and transactions logged. */
    final Store store;
    private final List<Call> calls = new ArrayList<>();

    SqlLog(Store delegate) {
        store = (Store) Proxy.newProxyInstance(SqlLog.class.getClassLoader(), new Class<?>[] {Store.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "inTransaction" -> logged(true, delegate::inTransaction, (SqlWork<?>) args[0]);
                    case "read" -> logged(false, delegate::read, (SqlWork<?>) args[0]);
                    default -> invoke(delegate, method, args);
                });
    }

    /** The calls {@code action} made, in order (single-threaded use). */
    synchronized List<Call> during(Runnable action) {
        calls.clear();
        action.run();
        List<Call> out = List.copyOf(calls);
        calls.clear();
        return out;
    }

    private Object logged(boolean transaction, Function<SqlWork<Object>, Object> run, SqlWork<?> work) {
        List<String> executions = new ArrayList<>();
        Object out = run.apply(c -> work.run(logging(c, executions)));
        calls.add(new Call(transaction, List.copyOf(executions)));
        return out;
    }

    private static Connection logging(Connection c, List<String> executions) {
        return (Connection) Proxy.newProxyInstance(SqlLog.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object out = invoke(c, method, args);
                    if (method.getName().equals("prepareStatement") && out instanceof PreparedStatement ps) {
                        String sql = (String) args[0];
                        return Proxy.newProxyInstance(SqlLog.class.getClassLoader(),
                                new Class<?>[] {PreparedStatement.class}, (p, m, a) -> {
                                    if (EXECUTIONS.contains(m.getName()) && (a == null || a.length == 0)) {
                                        executions.add(sql);
                                    }
                                    return invoke(ps, m, a);
                                });
                    }
                    return out;
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
