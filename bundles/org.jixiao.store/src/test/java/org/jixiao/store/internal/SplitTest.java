package org.jixiao.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SplitTest {

    @Test
    void splitsAtSemicolonsEndingALine() {
        assertEquals(List.of("CREATE TABLE A (ID INTEGER)", "CREATE TABLE B (ID INTEGER)"),
                DerbyStore.split("CREATE TABLE A (ID INTEGER);\nCREATE TABLE B (ID INTEGER);  \n"));
    }

    @Test
    void keepsMultiLineStatementsTogether() {
        assertEquals(List.of("CREATE TABLE A (\n  ID INTEGER,\n  NAME VARCHAR(10)\n)"),
                DerbyStore.split("CREATE TABLE A (\n  ID INTEGER,\n  NAME VARCHAR(10)\n);"));
    }

    @Test
    void acceptsASemicolonOnItsOwnLine() {
        assertEquals(List.of("CREATE TABLE A (ID INTEGER)", "DROP TABLE A"),
                DerbyStore.split("CREATE TABLE A (ID INTEGER)\n;\nDROP TABLE A\n;\n;\n"));
    }

    @Test
    void ignoresSemicolonsInsideStrings() {
        assertEquals(List.of("INSERT INTO T VALUES ('a;')", "INSERT INTO T VALUES ('b;\nc;\nd')"),
                DerbyStore.split("INSERT INTO T VALUES ('a;');\nINSERT INTO T VALUES ('b;\nc;\nd');\n"));
    }

    @Test
    void handlesDoubledQuotes() {
        assertEquals(List.of("INSERT INTO T VALUES ('it''s;')", "SELECT 1 FROM T"),
                DerbyStore.split("INSERT INTO T VALUES ('it''s;');\nSELECT 1 FROM T;\n"));
    }

    @Test
    void ignoresSemicolonsInsideQuotedIdentifiers() {
        assertEquals(List.of("CREATE TABLE \"A;\n\" (ID INTEGER)"),
                DerbyStore.split("CREATE TABLE \"A;\n\" (ID INTEGER);"));
    }

    @Test
    void leavesASemicolonInsideALineToTheStatement() {
        assertEquals(List.of("SELECT 1 FROM A; SELECT 2 FROM B"), DerbyStore.split("SELECT 1 FROM A; SELECT 2 FROM B;"));
    }

    @Test
    void skipsCommentsAndBlankStatements() {
        String script = """
                -- the first table;
                   -- indented comment;

                CREATE TABLE A (ID INTEGER); -- trailing comment
                ;

                -- only a comment at the end
                """;
        assertEquals(List.of("CREATE TABLE A (ID INTEGER)"), DerbyStore.split(script));
    }

    @Test
    void keepsDashesInsideStrings() {
        assertEquals(List.of("INSERT INTO T VALUES ('a -- b;')"),
                DerbyStore.split("INSERT INTO T VALUES ('a -- b;');"));
        assertEquals(List.of("INSERT INTO T VALUES ('\n-- not a comment;\n')"),
                DerbyStore.split("INSERT INTO T VALUES ('\n-- not a comment;\n');"));
    }

    @Test
    void keepsALastStatementWithoutSemicolon() {
        assertEquals(List.of("CREATE TABLE A (ID INTEGER)", "DROP TABLE A"),
                DerbyStore.split("CREATE TABLE A (ID INTEGER);\r\nDROP TABLE A\r\n"));
    }

    @Test
    void ignoresAByteOrderMark() {
        assertEquals(List.of("DROP TABLE A"), DerbyStore.split("\uFEFFDROP TABLE A;"));
    }

    @Test
    void returnsNothingForAnEmptyScript() {
        assertEquals(List.of(), DerbyStore.split(""));
        assertEquals(List.of(), DerbyStore.split("\n  \n-- nothing\n;\n"));
    }
}
