package org.jixiao.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How a migration script is cut into statements: each case a script and the statements it holds. */
class SplitTest {

    static Stream<Arguments> scripts() {
        return Stream.of(
                split("splits at semicolons ending a line",
                        "CREATE TABLE A (ID INTEGER);\nCREATE TABLE B (ID INTEGER);  \n",
                        "CREATE TABLE A (ID INTEGER)", "CREATE TABLE B (ID INTEGER)"),
                split("keeps multi-line statements together",
                        "CREATE TABLE A (\n  ID INTEGER,\n  NAME VARCHAR(10)\n);",
                        "CREATE TABLE A (\n  ID INTEGER,\n  NAME VARCHAR(10)\n)"),
                split("accepts a semicolon on its own line",
                        "CREATE TABLE A (ID INTEGER)\n;\nDROP TABLE A\n;\n;\n",
                        "CREATE TABLE A (ID INTEGER)", "DROP TABLE A"),
                split("ignores semicolons inside strings",
                        "INSERT INTO T VALUES ('a;');\nINSERT INTO T VALUES ('b;\nc;\nd');\n",
                        "INSERT INTO T VALUES ('a;')", "INSERT INTO T VALUES ('b;\nc;\nd')"),
                split("handles doubled quotes",
                        "INSERT INTO T VALUES ('it''s;');\nSELECT 1 FROM T;\n",
                        "INSERT INTO T VALUES ('it''s;')", "SELECT 1 FROM T"),
                split("ignores semicolons inside quoted identifiers",
                        "CREATE TABLE \"A;\n\" (ID INTEGER);",
                        "CREATE TABLE \"A;\n\" (ID INTEGER)"),
                split("leaves a semicolon inside a line to the statement",
                        "SELECT 1 FROM A; SELECT 2 FROM B;",
                        "SELECT 1 FROM A; SELECT 2 FROM B"),
                split("skips comments and blank statements", """
                        -- the first table;
                           -- indented comment;

                        CREATE TABLE A (ID INTEGER); -- trailing comment
                        ;

                        -- only a comment at the end
                        """,
                        "CREATE TABLE A (ID INTEGER)"),
                split("keeps dashes inside strings",
                        "INSERT INTO T VALUES ('a -- b;');",
                        "INSERT INTO T VALUES ('a -- b;')"),
                split("keeps dashes inside strings across lines",
                        "INSERT INTO T VALUES ('\n-- not a comment;\n');",
                        "INSERT INTO T VALUES ('\n-- not a comment;\n')"),
                split("keeps a last statement without semicolon",
                        "CREATE TABLE A (ID INTEGER);\r\nDROP TABLE A\r\n",
                        "CREATE TABLE A (ID INTEGER)", "DROP TABLE A"),
                split("ignores a byte order mark", "\uFEFFDROP TABLE A;", "DROP TABLE A"),
                split("returns nothing for an empty script", ""),
                split("returns nothing for a script of blanks and comments", "\n  \n-- nothing\n;\n"));
    }

    private static Arguments split(String what, String script, String... statements) {
        return Arguments.of(what, script, List.of(statements));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void cutsTheScriptIntoItsStatements(String what, String script, List<String> statements) {
        assertEquals(statements, DerbyStore.split(script));
    }
}
