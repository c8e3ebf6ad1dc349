package org.jixiao.core.internal.manual;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixiao.api.performance.EvidenceFile;
import org.jixiao.api.performance.ManualIndicator;
import org.jixiao.api.performance.ManualIndicatorDraft;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.performance.TargetRule;
import org.jixiao.api.project.Comparison;
import org.jixiao.core.internal.schema.Jdbc;

/** The SQL of manual indicators, answers and evidence files (V7__manual_indicators.sql). */
final class ManualRepository {

    static final int USERNAME_MAX = 40;

    private static final String INDICATOR_COLUMNS = "ID, PERF_YEAR, OWNER_ORG_UNIT_ID, IS_LOCAL, NAME_ZH, NAME_EN,"
            + " UNIT_ZH, UNIT_EN, CLAUSE, KIND, COMPARISON, TARGET_VALUE, CREATED_AT, CREATED_BY, WITHDRAWN_AT";
    private static final String FILE_COLUMNS = "ID, INDICATOR_ID, ORG_UNIT_ID, FILE_NAME, CONTENT_TYPE, SIZE_BYTES,"
            + " SHA256, UPLOADED_AT, UPLOADED_BY, REMOVED_AT";

    private ManualRepository() {
    }

    /** A stored answer without its files. */
    record AnswerRow(long indicatorId, long orgUnitId, BigDecimal value, String note, Instant updatedAt,
            String updatedBy) {
    }

    /** A stored file with what it belongs to. */
    record FileRow(EvidenceFile file, long indicatorId, long orgUnitId, Instant removedAt) {
    }

    // ---------------------------------------------------------------- indicators

    static long insertIndicator(Connection c, int year, long owner, boolean local, ManualIndicatorDraft d,
            Instant now, String by) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO JX_MANUAL_INDICATOR (PERF_YEAR, OWNER_ORG_UNIT_ID, IS_LOCAL, NAME_ZH,"
                + " NAME_EN, UNIT_ZH, UNIT_EN, CLAUSE, KIND, COMPARISON, TARGET_VALUE, CREATED_AT, CREATED_BY)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", year, owner, (short) (local ? 1 : 0), d.nameZh(),
                d.nameEn(), d.unitZh(), d.unitEn(), d.clause(), d.rule().kind().name(), d.rule().comparison().name(),
                d.rule().value(), now, Jdbc.truncate(by, USERNAME_MAX));
    }

    static void updateIndicator(Connection c, long id, ManualIndicatorDraft d) throws SQLException {
        Jdbc.update(c, "UPDATE JX_MANUAL_INDICATOR SET NAME_ZH = ?, NAME_EN = ?, UNIT_ZH = ?, UNIT_EN = ?, CLAUSE = ?,"
                + " KIND = ?, COMPARISON = ?, TARGET_VALUE = ? WHERE ID = ?", d.nameZh(), d.nameEn(), d.unitZh(),
                d.unitEn(), d.clause(), d.rule().kind().name(), d.rule().comparison().name(), d.rule().value(), id);
    }

    static void withdraw(Connection c, long id, Instant now, String by) throws SQLException {
        Jdbc.update(c, "UPDATE JX_MANUAL_INDICATOR SET WITHDRAWN_AT = ?, WITHDRAWN_BY = ? WHERE ID = ?"
                + " AND WITHDRAWN_AT IS NULL", now, Jdbc.truncate(by, USERNAME_MAX), id);
    }

    static ManualIndicator findIndicator(Connection c, long id, Locale locale) throws SQLException {
        return Jdbc.one(c, "SELECT " + INDICATOR_COLUMNS + " FROM JX_MANUAL_INDICATOR WHERE ID = ?",
                rs -> indicator(rs, locale), id);
    }

    /** The year's indicators of {@code owner}, of one kind, in the order they were defined. */
    static List<ManualIndicator> indicators(Connection c, int year, long owner, boolean local, Locale locale)
            throws SQLException {
        return Jdbc.list(c, "SELECT " + INDICATOR_COLUMNS + " FROM JX_MANUAL_INDICATOR WHERE PERF_YEAR = ?"
                + " AND OWNER_ORG_UNIT_ID = ? AND IS_LOCAL = ? ORDER BY ID", rs -> indicator(rs, locale), year, owner,
                (short) (local ? 1 : 0));
    }

    /** Every city indicator of every year, or of one year when {@code year} is not null. */
    static List<ManualIndicator> cityIndicators(Connection c, Integer year, Locale locale) throws SQLException {
        String sql = "SELECT " + INDICATOR_COLUMNS + " FROM JX_MANUAL_INDICATOR WHERE IS_LOCAL = 0"
                + (year == null ? "" : " AND PERF_YEAR = ?") + " ORDER BY ID";
        Object[] args = year == null ? new Object[0] : new Object[] {year};
        return Jdbc.list(c, sql, rs -> indicator(rs, locale), args);
    }

    private static ManualIndicator indicator(ResultSet rs, Locale locale) throws SQLException {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        String nameZh = rs.getString("NAME_ZH");
        String nameEn = rs.getString("NAME_EN");
        String unitZh = rs.getString("UNIT_ZH");
        String unitEn = rs.getString("UNIT_EN");
        TargetRule rule = new TargetRule(TargetKind.valueOf(rs.getString("KIND")),
                Comparison.valueOf(rs.getString("COMPARISON")), normal(rs.getBigDecimal("TARGET_VALUE")));
        return new ManualIndicator(rs.getLong("ID"), rs.getInt("PERF_YEAR"), rs.getLong("OWNER_ORG_UNIT_ID"),
                rs.getShort("IS_LOCAL") != 0, english && nameEn != null ? nameEn : nameZh, nameZh, nameEn,
                english && unitEn != null ? unitEn : unitZh, unitZh, unitEn, rs.getString("CLAUSE"), rule,
                Jdbc.getInstant(rs, "CREATED_AT"), rs.getString("CREATED_BY"), Jdbc.getInstant(rs, "WITHDRAWN_AT"));
    }

    static boolean targetsApproved(Connection c, int year) throws SQLException {
        return Jdbc.exists(c, "SELECT 1 FROM JX_TARGET_APPROVAL WHERE PERF_YEAR = ?", year);
    }

    // ---------------------------------------------------------------- answers

    /** The unit's answers to the year's indicators, by indicator id. */
    static Map<Long, AnswerRow> answers(Connection c, int year, long orgUnitId) throws SQLException {
        Map<Long, AnswerRow> out = new HashMap<>();
        Jdbc.each(c, "SELECT a.INDICATOR_ID, a.ORG_UNIT_ID, a.ANSWER_VALUE, a.NOTE, a.UPDATED_AT, a.UPDATED_BY"
                + " FROM JX_MANUAL_ANSWER a JOIN JX_MANUAL_INDICATOR i ON i.ID = a.INDICATOR_ID"
                + " WHERE i.PERF_YEAR = ? AND a.ORG_UNIT_ID = ?", rs -> {
                    AnswerRow a = answer(rs);
                    out.put(a.indicatorId(), a);
                }, year, orgUnitId);
        return out;
    }

    static AnswerRow answer(Connection c, long indicatorId, long orgUnitId) throws SQLException {
        return Jdbc.one(c, "SELECT INDICATOR_ID, ORG_UNIT_ID, ANSWER_VALUE, NOTE, UPDATED_AT, UPDATED_BY"
                + " FROM JX_MANUAL_ANSWER WHERE INDICATOR_ID = ? AND ORG_UNIT_ID = ?", ManualRepository::answer,
                indicatorId, orgUnitId);
    }

    private static AnswerRow answer(ResultSet rs) throws SQLException {
        BigDecimal v = rs.getBigDecimal("ANSWER_VALUE");
        return new AnswerRow(rs.getLong("INDICATOR_ID"), rs.getLong("ORG_UNIT_ID"), v == null ? null : normal(v),
                rs.getString("NOTE"), Jdbc.getInstant(rs, "UPDATED_AT"), rs.getString("UPDATED_BY"));
    }

    /** Upsert without MERGE (portable): UPDATE, and INSERT when no row was there. */
    static void saveAnswer(Connection c, long indicatorId, long orgUnitId, BigDecimal value, String note, Instant now,
            String by) throws SQLException {
        String user = Jdbc.truncate(by, USERNAME_MAX);
        int n = Jdbc.update(c, "UPDATE JX_MANUAL_ANSWER SET ANSWER_VALUE = ?, NOTE = ?, UPDATED_AT = ?, UPDATED_BY = ?"
                + " WHERE INDICATOR_ID = ? AND ORG_UNIT_ID = ?", value, note, now, user, indicatorId, orgUnitId);
        if (n == 0) {
            Jdbc.update(c, "INSERT INTO JX_MANUAL_ANSWER (INDICATOR_ID, ORG_UNIT_ID, ANSWER_VALUE, NOTE, UPDATED_AT,"
                    + " UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?)", indicatorId, orgUnitId, value, note, now, user);
        }
    }

    /** The answered values of the year's city indicators that are not withdrawn, per unit, by indicator id. */
    static Map<Long, Map<String, BigDecimal>> cityActuals(Connection c, int year, Collection<Long> units)
            throws SQLException {
        Map<Long, Map<String, BigDecimal>> out = new HashMap<>();
        if (units.isEmpty()) {
            return out;
        }
        Jdbc.each(c, "SELECT a.INDICATOR_ID, a.ORG_UNIT_ID, a.ANSWER_VALUE"
                + " FROM JX_MANUAL_ANSWER a JOIN JX_MANUAL_INDICATOR i ON i.ID = a.INDICATOR_ID"
                + " WHERE i.PERF_YEAR = ? AND i.IS_LOCAL = 0 AND i.WITHDRAWN_AT IS NULL"
                + " AND a.ANSWER_VALUE IS NOT NULL", rs -> {
                    long unit = rs.getLong("ORG_UNIT_ID");
                    if (units.contains(unit)) {
                        out.computeIfAbsent(unit, k -> new HashMap<>()).put(
                                ManualIndicator.indicatorId(rs.getLong("INDICATOR_ID")),
                                normal(rs.getBigDecimal("ANSWER_VALUE")));
                    }
                }, year);
        return out;
    }

    // ---------------------------------------------------------------- files

    /** The unit's files of the year that are not removed, by indicator id, oldest first. */
    static Map<Long, List<EvidenceFile>> files(Connection c, int year, long orgUnitId) throws SQLException {
        Map<Long, List<EvidenceFile>> out = new HashMap<>();
        Jdbc.each(c, "SELECT f.ID, f.INDICATOR_ID, f.ORG_UNIT_ID, f.FILE_NAME,"
                + " f.CONTENT_TYPE, f.SIZE_BYTES, f.SHA256, f.UPLOADED_AT, f.UPLOADED_BY, f.REMOVED_AT"
                + " FROM JX_EVIDENCE_FILE f JOIN JX_MANUAL_INDICATOR i ON i.ID = f.INDICATOR_ID"
                + " WHERE i.PERF_YEAR = ? AND f.ORG_UNIT_ID = ? AND f.REMOVED_AT IS NULL ORDER BY f.ID", rs -> {
                    FileRow f = file(rs);
                    out.computeIfAbsent(f.indicatorId(), k -> new ArrayList<>()).add(f.file());
                }, year, orgUnitId);
        return out;
    }

    static int countFiles(Connection c, long indicatorId, long orgUnitId) throws SQLException {
        return Jdbc.one(c, "SELECT COUNT(*) FROM JX_EVIDENCE_FILE WHERE INDICATOR_ID = ? AND ORG_UNIT_ID = ?"
                + " AND REMOVED_AT IS NULL", rs -> rs.getInt(1), indicatorId, orgUnitId);
    }

    /** The files not removed that hold this content, in any unit. */
    static int liveFiles(Connection c, String sha256) throws SQLException {
        return Jdbc.one(c, "SELECT COUNT(*) FROM JX_EVIDENCE_FILE WHERE SHA256 = ? AND REMOVED_AT IS NULL",
                rs -> rs.getInt(1), sha256);
    }

    /** The bytes of a unit's files that are not removed. */
    static long unitBytes(Connection c, long orgUnitId) throws SQLException {
        return Jdbc.one(c, "SELECT COALESCE(SUM(SIZE_BYTES), 0) FROM JX_EVIDENCE_FILE WHERE ORG_UNIT_ID = ?"
                + " AND REMOVED_AT IS NULL", rs -> rs.getLong(1), orgUnitId);
    }

    static long insertFile(Connection c, long indicatorId, long orgUnitId, String name, String contentType,
            long size, String sha256, Instant now, String by) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO JX_EVIDENCE_FILE (INDICATOR_ID, ORG_UNIT_ID, FILE_NAME, CONTENT_TYPE,"
                + " SIZE_BYTES, SHA256, UPLOADED_AT, UPLOADED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", indicatorId,
                orgUnitId, name, contentType, size, sha256, now, Jdbc.truncate(by, USERNAME_MAX));
    }

    static FileRow findFile(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT " + FILE_COLUMNS + " FROM JX_EVIDENCE_FILE WHERE ID = ?", ManualRepository::file,
                id);
    }

    static void removeFile(Connection c, long id, Instant now, String by) throws SQLException {
        Jdbc.update(c, "UPDATE JX_EVIDENCE_FILE SET REMOVED_AT = ?, REMOVED_BY = ? WHERE ID = ? AND REMOVED_AT IS NULL",
                now, Jdbc.truncate(by, USERNAME_MAX), id);
    }

    private static FileRow file(ResultSet rs) throws SQLException {
        EvidenceFile f = new EvidenceFile(rs.getLong("ID"), rs.getString("FILE_NAME"), rs.getString("CONTENT_TYPE"),
                rs.getLong("SIZE_BYTES"), rs.getString("SHA256"), Jdbc.getInstant(rs, "UPLOADED_AT"),
                rs.getString("UPLOADED_BY"));
        return new FileRow(f, rs.getLong("INDICATOR_ID"), rs.getLong("ORG_UNIT_ID"), Jdbc.getInstant(rs, "REMOVED_AT"));
    }

    /** 200.0000 as 200: the stored scale is the column's, not the figure's. */
    static BigDecimal normal(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
