package org.jixiao.register.internal;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** One durable database for a test class (the engine's ids and totals are what is tested), emptied before each test. */
abstract class EngineTestBase {

    @TempDir
    static Path dir;
    static EngineFixture fx;

    @BeforeAll
    static void open() {
        fx = new EngineFixture(dir);
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    @BeforeEach
    void clear() {
        for (String t : List.of("T_PERSON", "T_VISIT", "T_LOAN", "T_CASE", "T_CASE_NOTE", "T_TOPIC", "REG_ACCESS", "REG_UNSEAL", "REG_TOTAL", "REG_TOTAL_KEY",
                "REG_TOTAL_STATE", "REG_HISTORY", "REG_FILE", "REG_CONFLICT", "JX_USER", "JX_USER_ROLE")) {
            fx.sql("DELETE FROM " + t);
        }
        fx.audit.clear();
    }
}
