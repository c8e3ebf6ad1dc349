package org.jixiao.core.internal.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.assessment.ModulePin;
import org.jixiao.api.assessment.ScoreKind;
import org.jixiao.core.internal.schema.Jdbc;

/** The SQL of the comprehensive evaluation (tables of V3__evaluation.sql). Portable: Derby now, PostgreSQL later. */
public final class EvaluationRepository {

    private EvaluationRepository() {
    }

    // ---------------------------------------------------------------- pins

    static ModulePin pin(Connection c, int year) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MODULE_ID, MODULE_VERSION, PINNED_AT, PINNED_BY"
                + " FROM JX_EVAL_PIN WHERE PERF_YEAR = ?")) {
            ps.setInt(1, year);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new ModulePin(year, rs.getString("MODULE_ID"), rs.getString("MODULE_VERSION"),
                        Jdbc.getInstant(rs, "PINNED_AT"), rs.getString("PINNED_BY"));
            }
        }
    }

    static void savePin(Connection c, ModulePin pin) throws SQLException {
        int n = Jdbc.update(c, "UPDATE JX_EVAL_PIN SET MODULE_ID = ?, MODULE_VERSION = ?,"
                + " PINNED_AT = ?, PINNED_BY = ? WHERE PERF_YEAR = ?", pin.moduleId(), pin.moduleVersion(),
                pin.pinnedAt(), pin.pinnedBy(), pin.year());
        if (n == 0) {
            Jdbc.update(c, "INSERT INTO JX_EVAL_PIN (PERF_YEAR, MODULE_ID, MODULE_VERSION, PINNED_AT, PINNED_BY)"
                    + " VALUES (?, ?, ?, ?, ?)", pin.year(), pin.moduleId(), pin.moduleVersion(), pin.pinnedAt(),
                    pin.pinnedBy());
        }
    }

    // ---------------------------------------------------------------- entered scores

    /** Replaces the unit's score of that kind; UPDATE first, INSERT when there was none. */
    static void saveScore(Connection c, int year, long orgUnitId, ScoreKind kind, BigDecimal score, Instant at,
            String by) throws SQLException {
        int n = Jdbc.update(c, "UPDATE JX_EVAL_SCORE SET SCORE = ?, ENTERED_AT = ?, ENTERED_BY = ?"
                + " WHERE PERF_YEAR = ? AND ORG_UNIT_ID = ? AND KIND = ?", score, at, by, year, orgUnitId, kind.name());
        if (n == 0) {
            Jdbc.update(c, "INSERT INTO JX_EVAL_SCORE"
                    + " (PERF_YEAR, ORG_UNIT_ID, KIND, SCORE, ENTERED_AT, ENTERED_BY) VALUES (?, ?, ?, ?, ?, ?)", year,
                    orgUnitId, kind.name(), score, at, by);
        }
    }

    /** The previous score of that kind, or null. */
    static BigDecimal score(Connection c, int year, long orgUnitId, ScoreKind kind) throws SQLException {
        return Jdbc.one(c, "SELECT SCORE FROM JX_EVAL_SCORE"
                + " WHERE PERF_YEAR = ? AND ORG_UNIT_ID = ? AND KIND = ?", rs -> rs.getBigDecimal(1), year, orgUnitId,
                kind.name());
    }

    /** Every score entered for the year, by unit and kind. */
    static Map<Long, Map<ScoreKind, BigDecimal>> scores(Connection c, int year) throws SQLException {
        Map<Long, Map<ScoreKind, BigDecimal>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT ORG_UNIT_ID, KIND, SCORE FROM JX_EVAL_SCORE WHERE PERF_YEAR = ?")) {
            ps.setInt(1, year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ScoreKind kind;
                    try {
                        kind = ScoreKind.valueOf(rs.getString("KIND"));
                    } catch (IllegalArgumentException e) {
                        continue; // a kind a later version added and this one does not know
                    }
                    out.computeIfAbsent(rs.getLong("ORG_UNIT_ID"), k -> new EnumMap<>(ScoreKind.class))
                            .put(kind, rs.getBigDecimal("SCORE"));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- bonuses

    /** A JX_BONUS row; the unit's name is the service's business. */
    record BonusRow(long id, int year, long orgUnitId, BigDecimal points, String reason, Instant proposedAt,
            String proposedBy, Instant decidedAt, String decidedBy, boolean approved) {
    }

    private static final String BONUS_COLUMNS = "ID, PERF_YEAR, ORG_UNIT_ID, POINTS, REASON, PROPOSED_AT,"
            + " PROPOSED_BY, DECIDED_AT, DECIDED_BY, APPROVED";

    static long insertBonus(Connection c, int year, long orgUnitId, BigDecimal points, String reason, Instant at,
            String by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO JX_BONUS"
                + " (PERF_YEAR, ORG_UNIT_ID, POINTS, REASON, PROPOSED_AT, PROPOSED_BY) VALUES (?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setInt(1, year);
            ps.setLong(2, orgUnitId);
            ps.setBigDecimal(3, points);
            ps.setString(4, reason);
            Jdbc.setInstant(ps, 5, at);
            ps.setString(6, by);
            ps.executeUpdate();
            return generatedId(ps, "bonus");
        }
    }

    static BonusRow bonus(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT " + BONUS_COLUMNS + " FROM JX_BONUS WHERE ID = ?", EvaluationRepository::bonusRow,
                id);
    }

    /** The year's bonuses, oldest first. */
    static List<BonusRow> bonuses(Connection c, int year) throws SQLException {
        return Jdbc.list(c, "SELECT " + BONUS_COLUMNS + " FROM JX_BONUS WHERE PERF_YEAR = ? ORDER BY ID",
                EvaluationRepository::bonusRow, year);
    }

    /** Decides a pending bonus; false when it was decided meanwhile (nothing changed then). */
    static boolean decideBonus(Connection c, long id, boolean approve, Instant at, String by) throws SQLException {
        return Jdbc.update(c, "UPDATE JX_BONUS SET DECIDED_AT = ?, DECIDED_BY = ?,"
                + " APPROVED = ? WHERE ID = ? AND DECIDED_AT IS NULL", at, by, approve, id) == 1;
    }

    /** The approved bonus points of the year per unit; units without any are absent. */
    static Map<Long, BigDecimal> approvedBonus(Connection c, int year) throws SQLException {
        Map<Long, BigDecimal> out = new HashMap<>();
        for (BonusRow b : bonuses(c, year)) {
            if (b.decidedAt() != null && b.approved()) {
                out.merge(b.orgUnitId(), b.points(), BigDecimal::add);
            }
        }
        return out;
    }

    private static BonusRow bonusRow(ResultSet rs) throws SQLException {
        boolean approved = rs.getBoolean("APPROVED");
        if (rs.wasNull()) {
            approved = false;
        }
        return new BonusRow(rs.getLong("ID"), rs.getInt("PERF_YEAR"), rs.getLong("ORG_UNIT_ID"),
                rs.getBigDecimal("POINTS"), rs.getString("REASON"), Jdbc.getInstant(rs, "PROPOSED_AT"),
                rs.getString("PROPOSED_BY"), Jdbc.getInstant(rs, "DECIDED_AT"), rs.getString("DECIDED_BY"), approved);
    }

    // ---------------------------------------------------------------- runs

    /** A JX_EVAL_RUN row without its documents. */
    record RunRow(long id, int year, String moduleId, String moduleVersion, String moduleDigest, Instant at, String by,
            boolean published, Long basedOn) {
    }

    private static final String RUN_COLUMNS = "ID, PERF_YEAR, MODULE_ID, MODULE_VERSION, MODULE_DIGEST, RUN_AT, RUN_BY,"
            + " PUBLISHED, BASED_ON";

    /** What a new run stores besides its row. */
    record NewRun(int year, String moduleId, String moduleVersion, String moduleDigest, Instant at, String by,
            Long basedOn,
            String inputJson, String resultJson, List<Long> unitIds, List<BigDecimal> totals, int[] ranks) {
    }

    static long insertRun(Connection c, NewRun run) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO JX_EVAL_RUN (PERF_YEAR, MODULE_ID,"
                + " MODULE_VERSION, MODULE_DIGEST, RUN_AT, RUN_BY, PUBLISHED, BASED_ON) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setInt(1, run.year());
            ps.setString(2, run.moduleId());
            ps.setString(3, run.moduleVersion());
            ps.setString(4, run.moduleDigest());
            Jdbc.setInstant(ps, 5, run.at());
            ps.setString(6, run.by());
            ps.setBoolean(7, false);
            Jdbc.setNullableLong(ps, 8, run.basedOn());
            ps.executeUpdate();
            id = generatedId(ps, "evaluation run");
        }
        insertDocument(c, id, Documents.INPUT, run.inputJson());
        insertDocument(c, id, Documents.RESULT, run.resultJson());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO JX_EVAL_SCORE_ROW"
                + " (RUN_ID, ORG_UNIT_ID, UNIT_ORDER, TOTAL, RANK_NO) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < run.unitIds().size(); i++) {
                ps.setLong(1, id);
                ps.setLong(2, run.unitIds().get(i));
                ps.setInt(3, i);
                ps.setBigDecimal(4, run.totals().get(i).setScale(2, RoundingMode.HALF_UP));
                ps.setInt(5, run.ranks()[i]);
                ps.addBatch();
            }
            if (!run.unitIds().isEmpty()) {
                ps.executeBatch();
            }
        }
        return id;
    }

    private static void insertDocument(Connection c, long runId, String doc, String json) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO JX_EVAL_DOC (RUN_ID, DOC, PIECE, BODY) VALUES (?, ?, ?, ?)")) {
            List<String> pieces = Documents.pieces(json);
            for (int i = 0; i < pieces.size(); i++) {
                ps.setLong(1, runId);
                ps.setString(2, doc);
                ps.setInt(3, i);
                ps.setString(4, pieces.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** A document of a run joined from its pieces, or null when the run has none of that name. */
    static String document(Connection c, long runId, String doc) throws SQLException {
        StringBuilder b = null;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT BODY FROM JX_EVAL_DOC WHERE RUN_ID = ? AND DOC = ? ORDER BY PIECE")) {
            ps.setLong(1, runId);
            ps.setString(2, doc);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (b == null) {
                        b = new StringBuilder();
                    }
                    b.append(rs.getString(1));
                }
            }
        }
        return b == null ? null : b.toString();
    }

    static RunRow run(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT " + RUN_COLUMNS + " FROM JX_EVAL_RUN WHERE ID = ?", EvaluationRepository::runRow,
                id);
    }

    /** The year's runs, newest first. */
    static List<RunRow> runs(Connection c, int year) throws SQLException {
        return Jdbc.list(c, "SELECT " + RUN_COLUMNS + " FROM JX_EVAL_RUN WHERE PERF_YEAR = ? ORDER BY ID DESC",
                EvaluationRepository::runRow, year);
    }

    /** The id of the year's published run, or null. */
    public static Long publishedRunId(Connection c, int year) throws SQLException {
        return Jdbc.one(c, "SELECT ID FROM JX_EVAL_RUN WHERE PERF_YEAR = ? AND PUBLISHED = ? ORDER BY ID",
                rs -> rs.getLong(1), year, true);
    }

    /**
     * Marks the run published unless a run of its year already is; false (nothing changed) otherwise. The check
     * and the change are one statement, so two publishers cannot both succeed.
     */
    /**
     * The approved actuals of a published run: the figures it was scored on, by org unit and indicator key
     * ({@code project:indicator}). Later years grow from these, not from records that may still change.
     */
    public static Map<Long, Map<String, BigDecimal>> approvedActuals(Connection c, long runId) throws SQLException {
        Map<Long, Map<String, BigDecimal>> out = new java.util.HashMap<>();
        String json = document(c, runId, Documents.INPUT);
        if (json == null) {
            return out;
        }
        for (org.jixiao.api.assessment.UnitInput unit : Documents.input(json).units()) {
            Map<String, BigDecimal> values = new java.util.HashMap<>();
            for (org.jixiao.api.assessment.IndicatorInput i : unit.indicators()) {
                if (i.actual() != null) {
                    values.put(i.indicator(), i.actual());
                }
            }
            out.put(unit.orgUnitId(), values);
        }
        return out;
    }

    static boolean publish(Connection c, long id, int year, Instant at, String by) throws SQLException {
        return Jdbc.update(c, "UPDATE JX_EVAL_RUN SET PUBLISHED = ?, PUBLISHED_AT = ?,"
                + " PUBLISHED_BY = ? WHERE ID = ? AND PUBLISHED = ? AND NOT EXISTS"
                + " (SELECT 1 FROM JX_EVAL_RUN P WHERE P.PERF_YEAR = ? AND P.PUBLISHED = ?)", true, at, by, id, false,
                year, true) == 1;
    }

    /** Takes a publication back: when the year could not be moved on, or a re-opened year is published again. */
    static void unpublish(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE JX_EVAL_RUN SET PUBLISHED = ?, PUBLISHED_AT = ?,"
                + " PUBLISHED_BY = ? WHERE ID = ?")) {
            ps.setBoolean(1, false);
            ps.setNull(2, Types.TIMESTAMP);
            ps.setNull(3, Types.VARCHAR);
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }

    private static RunRow runRow(ResultSet rs) throws SQLException {
        long basedOn = rs.getLong("BASED_ON");
        Long based = rs.wasNull() ? null : basedOn;
        return new RunRow(rs.getLong("ID"), rs.getInt("PERF_YEAR"), rs.getString("MODULE_ID"),
                rs.getString("MODULE_VERSION"), rs.getString("MODULE_DIGEST"), Jdbc.getInstant(rs, "RUN_AT"),
                rs.getString("RUN_BY"),
                rs.getBoolean("PUBLISHED"), based);
    }

    // RETURN_GENERATED_KEYS rather than a column-name array: PostgreSQL's driver quotes such names. ID is the
    // first column of each table, so column 1 is the id on both engines.
    private static long generatedId(PreparedStatement ps, String what) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no id generated for " + what);
            }
            return keys.getLong(1);
        }
    }
}
