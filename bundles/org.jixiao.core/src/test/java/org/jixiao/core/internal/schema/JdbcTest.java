package org.jixiao.core.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jixiao.api.ValidationException;
import org.jixiao.api.store.StoreException;
import org.jixiao.store.internal.MemoryStores;
import org.junit.jupiter.api.Test;

class JdbcTest {

    @Test
    void nullsAreBoundAsTheParametersOwnType() {
        try (MemoryStores.Loan store = TestDb.open()) {
            // Derby refuses setNull with a type the parameter cannot take; each of these is a different one.
            for (String type : List.of("DECIMAL(19, 4)", "TIMESTAMP", "DATE", "VARCHAR(10)", "BIGINT", "SMALLINT")) {
                Object v = store.read(c -> Jdbc.one(c, "VALUES CAST(? AS " + type + ")", rs -> rs.getObject(1),
                        (Object) null));
                assertNull(v, type);
            }
        }
    }

    @Test
    void valuesKeepTheirTypes() {
        try (MemoryStores.Loan store = TestDb.open()) {
            Instant at = Instant.parse("2026-03-29T01:30:00Z");
            LocalDate day = LocalDate.of(2026, 3, 29);
            List<Object> row = store.read(c -> Jdbc.one(c, "VALUES (CAST(? AS INTEGER), CAST(? AS BIGINT),"
                    + " CAST(? AS SMALLINT), CAST(? AS BOOLEAN), CAST(? AS VARCHAR(10)), CAST(? AS DECIMAL(19, 4)),"
                    + " CAST(? AS DATE), CAST(? AS TIMESTAMP))",
                    rs -> List.<Object>of(rs.getInt(1), rs.getLong(2), rs.getShort(3), rs.getBoolean(4),
                            rs.getString(5), rs.getBigDecimal(6), rs.getDate(7),
                            Jdbc.getInstant(rs, rs.getMetaData().getColumnLabel(8))),
                    7, 8L, (short) 9, true, "十", new BigDecimal("1.5"), day, at));
            assertEquals(List.of(7, 8L, (short) 9, true, "十", new BigDecimal("1.5000"), Date.valueOf(day), at), row);
        }
    }

    @Test
    void listsEveryRowAndTellsWhetherThereIsOne() {
        try (MemoryStores.Loan store = TestDb.open()) {
            assertEquals(List.of(1, 2, 3), store.read(c -> Jdbc.list(c, "VALUES 1, 2, 3", rs -> rs.getInt(1))));
            boolean one = store.read(c -> Jdbc.exists(c, "VALUES 1"));
            boolean none = store.read(c -> Jdbc.exists(c, "SELECT 1 FROM SYSIBM.SYSDUMMY1 WHERE 1 = ?", 2));
            assertTrue(one);
            assertFalse(none);
            assertNull(store.read(c -> Jdbc.one(c, "SELECT 1 FROM SYSIBM.SYSDUMMY1 WHERE 1 = ?",
                    rs -> rs.getInt(1), 2)));
        }
    }

    @Test
    void aWriteThatLosesTheRaceToAUniqueKeyGetsItsRefusalAndOtherFailuresPass() {
        try (MemoryStores.Loan store = TestDb.open()) {
            store.inTransaction(c -> Jdbc.update(c, "CREATE TABLE JDBC_TEST_TAKEN (K INT PRIMARY KEY)"));
            Supplier<Integer> insert = () -> store.inTransaction(c -> Jdbc.update(c,
                    "INSERT INTO JDBC_TEST_TAKEN (K) VALUES (1)"));
            Supplier<RuntimeException> refusal = () -> ValidationException.of("k", "taken");
            assertEquals(1, Jdbc.unlessTaken(insert, refusal));
            ValidationException e = assertThrows(ValidationException.class, () -> Jdbc.unlessTaken(insert, refusal));
            assertEquals(Map.of("k", "taken"), e.fieldErrors());
            assertThrows(StoreException.class, () -> Jdbc.unlessTaken(() -> store.inTransaction(c -> Jdbc.update(c,
                    "INSERT INTO JDBC_TEST_TAKEN (K) VALUES (NULL)")), refusal));
        }
    }
}
