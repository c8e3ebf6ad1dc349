package org.jixiao.core.internal.questionnaire;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.questionnaire.Answer;
import org.jixiao.api.questionnaire.CampaignDraft;
import org.jixiao.api.questionnaire.CampaignState;
import org.jixiao.api.questionnaire.CategoryQuota;
import org.jixiao.api.questionnaire.Choice;
import org.jixiao.api.questionnaire.EvaluationType;
import org.jixiao.api.questionnaire.Item;
import org.jixiao.api.questionnaire.ItemKind;
import org.jixiao.api.questionnaire.Questionnaire;
import org.jixiao.api.questionnaire.QuestionnaireDraft;
import org.jixiao.api.questionnaire.RespondentCategory;
import org.jixiao.api.questionnaire.Section;
import org.jixiao.api.questionnaire.UnitScores.Decision;
import org.jixiao.core.internal.schema.Jdbc;

/** The SQL of questionnaires, campaigns, codes and responses (V8__questionnaires.sql). */
final class QuestionnaireRepository {

    static final int USERNAME_MAX = 40;

    private static final String CAMPAIGN_COLUMNS = "k.ID, k.PERF_YEAR, k.NAME, k.QNR_ID, q.EVAL_TYPE,"
            + " k.MIN_RESPONSES, k.OPENS_ON, k.CLOSES_ON, k.STATE, k.CREATED_AT, k.CREATED_BY, k.CLOSED_AT,"
            + " k.CLOSED_BY FROM JX_QNR_CAMPAIGN k JOIN JX_QNR q ON q.ID = k.QNR_ID";

    private QuestionnaireRepository() {
    }

    /** A campaign without its units and quotas. */
    record CampaignRow(long id, int year, String name, long questionnaireId, EvaluationType type, int minResponses,
            LocalDate opens, LocalDate closes, CampaignState state, Instant createdAt, String createdBy,
            Instant closedAt, String closedBy) {
    }

    /** A stored code. */
    record CodeRow(String code, long campaignId, long orgUnitId, RespondentCategory category, boolean used) {
    }

    /** A free-text answer with the unit it rates. */
    record TextRow(long orgUnitId, String itemKey, String text) {
    }

    // ---------------------------------------------------------------- questionnaires

    /** Inserts a version with its content; version 1 ({@code familyId} null) becomes its own family. */
    static long insertQuestionnaire(Connection c, Long familyId, int version, QuestionnaireDraft d, Instant now,
            String by) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO JX_QNR (FAMILY_ID, QNR_VERSION, EVAL_TYPE,"
                + " TITLE_ZH, TITLE_EN, INTRO_ZH, INTRO_EN, FROZEN, SAVED_AT, SAVED_BY)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            Jdbc.setNullableLong(ps, 1, familyId);
            ps.setInt(2, version);
            setHeader(ps, 3, d);
            Jdbc.setInstant(ps, 8, now);
            ps.setString(9, Jdbc.truncate(by, USERNAME_MAX));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        if (familyId == null) {
            Jdbc.update(c, "UPDATE JX_QNR SET FAMILY_ID = ID WHERE ID = ?", id);
        }
        insertContent(c, id, d.sections());
        return id;
    }

    /** Replaces a version that is not frozen; false (and nothing changed) when it is frozen by now. */
    static boolean replaceQuestionnaire(Connection c, long id, QuestionnaireDraft d, Instant now, String by)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE JX_QNR SET EVAL_TYPE = ?, TITLE_ZH = ?, TITLE_EN = ?,"
                + " INTRO_ZH = ?, INTRO_EN = ?, SAVED_AT = ?, SAVED_BY = ? WHERE ID = ? AND FROZEN = 0")) {
            setHeader(ps, 1, d);
            Jdbc.setInstant(ps, 6, now);
            ps.setString(7, Jdbc.truncate(by, USERNAME_MAX));
            ps.setLong(8, id);
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        for (String table : List.of("JX_QNR_CHOICE", "JX_QNR_ITEM", "JX_QNR_SECTION")) {
            Jdbc.update(c, "DELETE FROM " + table + " WHERE QNR_ID = ?", id);
        }
        insertContent(c, id, d.sections());
        return true;
    }

    private static void setHeader(PreparedStatement ps, int first, QuestionnaireDraft d) throws SQLException {
        ps.setString(first, d.type().name());
        ps.setString(first + 1, d.titleZh());
        ps.setString(first + 2, d.titleEn());
        ps.setString(first + 3, d.introZh());
        ps.setString(first + 4, d.introEn());
    }

    private static void insertContent(Connection c, long id, List<Section> sections) throws SQLException {
        try (PreparedStatement sp = c.prepareStatement("INSERT INTO JX_QNR_SECTION (QNR_ID, SECTION_NO, TITLE_ZH,"
                + " TITLE_EN) VALUES (?, ?, ?, ?)");
                PreparedStatement ip = c.prepareStatement("INSERT INTO JX_QNR_ITEM (QNR_ID, SECTION_NO, ITEM_NO,"
                        + " KIND, TEXT_ZH, TEXT_EN, WEIGHT, REQUIRED) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement cp = c.prepareStatement("INSERT INTO JX_QNR_CHOICE (QNR_ID, SECTION_NO, ITEM_NO,"
                        + " CHOICE_NO, LABEL_ZH, LABEL_EN, POINTS) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int s = 0; s < sections.size(); s++) {
                Section section = sections.get(s);
                sp.setLong(1, id);
                sp.setInt(2, s + 1);
                sp.setString(3, section.titleZh());
                sp.setString(4, section.titleEn());
                sp.executeUpdate();
                for (int i = 0; i < section.items().size(); i++) {
                    Item item = section.items().get(i);
                    ip.setLong(1, id);
                    ip.setInt(2, s + 1);
                    ip.setInt(3, i + 1);
                    ip.setString(4, item.kind().name());
                    ip.setString(5, item.textZh());
                    ip.setString(6, item.textEn());
                    if (item.weight() == null) {
                        ip.setNull(7, Types.DECIMAL);
                    } else {
                        ip.setBigDecimal(7, item.weight());
                    }
                    ip.setShort(8, flag(item.required()));
                    ip.addBatch();
                    for (int k = 0; k < item.choices().size(); k++) {
                        Choice choice = item.choices().get(k);
                        cp.setLong(1, id);
                        cp.setInt(2, s + 1);
                        cp.setInt(3, i + 1);
                        cp.setInt(4, k + 1);
                        cp.setString(5, choice.labelZh());
                        cp.setString(6, choice.labelEn());
                        cp.setBigDecimal(7, choice.points());
                        cp.addBatch();
                    }
                }
                // Items before their choices: the choices' foreign key needs them.
                ip.executeBatch();
                cp.executeBatch();
            }
        }
    }

    /** Freezes a version; true when it was not frozen before. */
    static boolean freeze(Connection c, long id) throws SQLException {
        return Jdbc.update(c, "UPDATE JX_QNR SET FROZEN = 1 WHERE ID = ? AND FROZEN = 0", id) == 1;
    }

    static int lastVersion(Connection c, long familyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(QNR_VERSION) FROM JX_QNR WHERE FAMILY_ID = ?")) {
            ps.setLong(1, familyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static Questionnaire questionnaire(Connection c, long id) throws SQLException {
        List<Questionnaire> found = questionnaires(c, id);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Every version, newest first. */
    static List<Questionnaire> questionnaires(Connection c) throws SQLException {
        return questionnaires(c, null);
    }

    private static List<Questionnaire> questionnaires(Connection c, Long only) throws SQLException {
        String where = only == null ? "" : " WHERE QNR_ID = ?";
        // sections, items and choices of every version asked for, in order
        Map<Long, List<String[]>> sections = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT QNR_ID, SECTION_NO, TITLE_ZH, TITLE_EN FROM"
                + " JX_QNR_SECTION" + where + " ORDER BY QNR_ID, SECTION_NO")) {
            bindOnly(ps, only);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sections.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new String[] {rs.getString(3), rs.getString(4)});
                }
            }
        }
        Map<String, List<Choice>> choices = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT QNR_ID, SECTION_NO, ITEM_NO, LABEL_ZH, LABEL_EN,"
                + " POINTS FROM JX_QNR_CHOICE" + where + " ORDER BY QNR_ID, SECTION_NO, ITEM_NO, CHOICE_NO")) {
            bindOnly(ps, only);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    choices.computeIfAbsent(rs.getLong(1) + "/" + rs.getInt(2) + "." + rs.getInt(3),
                            k -> new ArrayList<>()).add(new Choice(rs.getString(4), rs.getString(5),
                                    normal(rs.getBigDecimal(6))));
                }
            }
        }
        Map<String, List<Item>> items = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT QNR_ID, SECTION_NO, ITEM_NO, KIND, TEXT_ZH, TEXT_EN,"
                + " WEIGHT, REQUIRED FROM JX_QNR_ITEM" + where + " ORDER BY QNR_ID, SECTION_NO, ITEM_NO")) {
            bindOnly(ps, only);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getInt(2) + "." + rs.getInt(3);
                    BigDecimal weight = rs.getBigDecimal(7);
                    items.computeIfAbsent(rs.getLong(1) + "/" + rs.getInt(2), k -> new ArrayList<>())
                            .add(new Item(key, ItemKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                                    weight == null ? null : normal(weight),
                                    choices.getOrDefault(rs.getLong(1) + "/" + key, List.of()),
                                    rs.getShort(8) != 0));
                }
            }
        }
        List<Questionnaire> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, FAMILY_ID, QNR_VERSION, EVAL_TYPE, TITLE_ZH,"
                + " TITLE_EN, INTRO_ZH, INTRO_EN, FROZEN, SAVED_AT, SAVED_BY FROM JX_QNR"
                + (only == null ? "" : " WHERE ID = ?") + " ORDER BY ID DESC")) {
            bindOnly(ps, only);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("ID");
                    List<Section> content = new ArrayList<>();
                    List<String[]> titles = sections.getOrDefault(id, List.of());
                    for (int s = 0; s < titles.size(); s++) {
                        content.add(new Section(titles.get(s)[0], titles.get(s)[1],
                                items.getOrDefault(id + "/" + (s + 1), List.of())));
                    }
                    out.add(new Questionnaire(id, rs.getLong("FAMILY_ID"), rs.getInt("QNR_VERSION"),
                            EvaluationType.valueOf(rs.getString("EVAL_TYPE")), rs.getString("TITLE_ZH"),
                            rs.getString("TITLE_EN"), rs.getString("INTRO_ZH"), rs.getString("INTRO_EN"), content,
                            rs.getShort("FROZEN") != 0, Jdbc.getInstant(rs, "SAVED_AT"), rs.getString("SAVED_BY")));
                }
            }
        }
        return out;
    }

    private static void bindOnly(PreparedStatement ps, Long only) throws SQLException {
        if (only != null) {
            ps.setLong(1, only);
        }
    }

    // ---------------------------------------------------------------- campaigns

    static long insertCampaign(Connection c, int year, CampaignDraft d, Instant now, String by) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO JX_QNR_CAMPAIGN (PERF_YEAR, NAME, QNR_ID,"
                + " MIN_RESPONSES, OPENS_ON, CLOSES_ON, STATE, CREATED_AT, CREATED_BY)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setInt(1, year);
            int i = setCampaign(ps, 2, d);
            ps.setString(i, CampaignState.DRAFT.name());
            Jdbc.setInstant(ps, i + 1, now);
            ps.setString(i + 2, Jdbc.truncate(by, USERNAME_MAX));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        insertUnitsAndQuotas(c, id, d.orgUnitIds(), d.quotas());
        return id;
    }

    /**
     * Changes a DRAFT campaign: its fields, units and quotas. Codes of units or categories no longer rated, and
     * codes beyond a lowered quota, are deleted (none is used while the campaign is a draft).
     *
     * @return the codes deleted
     */
    static int updateCampaign(Connection c, long id, CampaignDraft d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE JX_QNR_CAMPAIGN SET NAME = ?, QNR_ID = ?,"
                + " MIN_RESPONSES = ?, OPENS_ON = ?, CLOSES_ON = ? WHERE ID = ?")) {
            int i = setCampaign(ps, 1, d);
            ps.setLong(i, id);
            ps.executeUpdate();
        }
        Map<RespondentCategory, Integer> quotas = new EnumMap<>(RespondentCategory.class);
        d.quotas().forEach(q -> quotas.put(q.category(), q.quota()));
        Set<Long> units = new HashSet<>(d.orgUnitIds());
        // Codes kept per unit and category, in code order: the first `quota` stay.
        Map<String, Integer> kept = new HashMap<>();
        List<String> surplus = new ArrayList<>();
        for (CodeRow code : codes(c, id, null)) {
            Integer quota = quotas.get(code.category());
            int n = kept.merge(code.orgUnitId() + "/" + code.category(), 1, Integer::sum);
            if (!units.contains(code.orgUnitId()) || quota == null || n > quota) {
                surplus.add(code.code());
            }
        }
        deleteCodes(c, surplus);
        // Changed in place: the codes kept refer to their unit and quota rows.
        List<Long> oldUnits = units(c, id);
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM JX_QNR_CAMPAIGN_UNIT WHERE CAMPAIGN_ID = ? AND ORG_UNIT_ID = ?")) {
            for (long unit : oldUnits) {
                if (!units.contains(unit)) {
                    ps.setLong(1, id);
                    ps.setLong(2, unit);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        List<CategoryQuota> oldQuotas = quotas(c, id);
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM JX_QNR_QUOTA WHERE CAMPAIGN_ID = ? AND CATEGORY = ?");
                PreparedStatement update = c.prepareStatement(
                        "UPDATE JX_QNR_QUOTA SET QUOTA = ? WHERE CAMPAIGN_ID = ? AND CATEGORY = ?")) {
            for (CategoryQuota q : oldQuotas) {
                Integer quota = quotas.remove(q.category());
                if (quota == null) {
                    delete.setLong(1, id);
                    delete.setString(2, q.category().name());
                    delete.executeUpdate();
                } else {
                    update.setInt(1, quota);
                    update.setLong(2, id);
                    update.setString(3, q.category().name());
                    update.executeUpdate();
                }
            }
        }
        List<CategoryQuota> added = new ArrayList<>();
        quotas.forEach((k, v) -> added.add(new CategoryQuota(k, v)));
        List<Long> newUnits = d.orgUnitIds().stream().filter(u -> !oldUnits.contains(u)).toList();
        insertUnitsAndQuotas(c, id, newUnits, added);
        return surplus.size();
    }

    private static int setCampaign(PreparedStatement ps, int first, CampaignDraft d) throws SQLException {
        ps.setString(first, d.name());
        ps.setLong(first + 1, d.questionnaireId());
        ps.setInt(first + 2, d.minResponses());
        ps.setDate(first + 3, Date.valueOf(d.opens()));
        ps.setDate(first + 4, Date.valueOf(d.closes()));
        return first + 5;
    }

    private static void insertUnitsAndQuotas(Connection c, long id, List<Long> units, List<CategoryQuota> quotas)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO JX_QNR_CAMPAIGN_UNIT (CAMPAIGN_ID, ORG_UNIT_ID) VALUES (?, ?)")) {
            for (long unit : units) {
                ps.setLong(1, id);
                ps.setLong(2, unit);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO JX_QNR_QUOTA (CAMPAIGN_ID, CATEGORY, QUOTA) VALUES (?, ?, ?)")) {
            for (CategoryQuota q : quotas) {
                ps.setLong(1, id);
                ps.setString(2, q.category().name());
                ps.setInt(3, q.quota());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static CampaignRow campaign(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT " + CAMPAIGN_COLUMNS + " WHERE k.ID = ?", QuestionnaireRepository::campaign, id);
    }

    static List<CampaignRow> campaigns(Connection c, int year) throws SQLException {
        return Jdbc.list(c, "SELECT " + CAMPAIGN_COLUMNS + " WHERE k.PERF_YEAR = ? ORDER BY k.ID",
                QuestionnaireRepository::campaign, year);
    }

    private static CampaignRow campaign(ResultSet rs) throws SQLException {
        return new CampaignRow(rs.getLong("ID"), rs.getInt("PERF_YEAR"), rs.getString("NAME"), rs.getLong("QNR_ID"),
                EvaluationType.valueOf(rs.getString("EVAL_TYPE")), rs.getInt("MIN_RESPONSES"),
                rs.getDate("OPENS_ON").toLocalDate(), rs.getDate("CLOSES_ON").toLocalDate(),
                CampaignState.valueOf(rs.getString("STATE")), Jdbc.getInstant(rs, "CREATED_AT"),
                rs.getString("CREATED_BY"), Jdbc.getInstant(rs, "CLOSED_AT"), rs.getString("CLOSED_BY"));
    }

    static List<Long> units(Connection c, long campaignId) throws SQLException {
        return Jdbc.list(c, "SELECT ORG_UNIT_ID FROM JX_QNR_CAMPAIGN_UNIT WHERE CAMPAIGN_ID = ? ORDER BY ORG_UNIT_ID",
                rs -> rs.getLong(1), campaignId);
    }

    /** The quotas in category order. */
    static List<CategoryQuota> quotas(Connection c, long campaignId) throws SQLException {
        Map<RespondentCategory, Integer> found = new EnumMap<>(RespondentCategory.class);
        Jdbc.each(c, "SELECT CATEGORY, QUOTA FROM JX_QNR_QUOTA WHERE CAMPAIGN_ID = ?",
                rs -> found.put(RespondentCategory.valueOf(rs.getString(1)), rs.getInt(2)), campaignId);
        List<CategoryQuota> out = new ArrayList<>();
        found.forEach((k, v) -> out.add(new CategoryQuota(k, v)));
        return out;
    }

    /** Moves a campaign from one state to another; false when it no longer stands at {@code from}. */
    static boolean moveState(Connection c, long id, CampaignState from, CampaignState to) throws SQLException {
        return Jdbc.update(c, "UPDATE JX_QNR_CAMPAIGN SET STATE = ? WHERE ID = ? AND STATE = ?", to.name(), id,
                from.name()) == 1;
    }

    static boolean close(Connection c, long id, Instant now, String by) throws SQLException {
        return Jdbc.update(c, "UPDATE JX_QNR_CAMPAIGN SET STATE = ?, CLOSED_AT = ?,"
                + " CLOSED_BY = ? WHERE ID = ? AND STATE = ?", CampaignState.CLOSED.name(), now,
                Jdbc.truncate(by, USERNAME_MAX), id, CampaignState.OPEN.name()) == 1;
    }

    /**
     * Takes an OPEN campaign's row in shared mode until the transaction ends; false when it is not OPEN. Every
     * submission takes it before it uses its code, so submissions do not wait for one another; closing takes the row
     * exclusively by its update, which waits for the submissions under way, and a submission after it finds the
     * campaign CLOSED: no answer lands after the scores were taken, and none is cut off.
     */
    static boolean shareOpen(Connection c, long id) throws SQLException {
        return Jdbc.exists(c, "SELECT ID FROM JX_QNR_CAMPAIGN WHERE ID = ? AND STATE = ?" + keepShared(c), id,
                CampaignState.OPEN.name());
    }

    /**
     * Takes an OPEN campaign's row exclusively until the transaction ends, by a write that changes nothing; false
     * when it is not OPEN. It waits for the submissions under way and holds the next ones back: what deleting held
     * responses needs (see {@link #release}).
     */
    static boolean lockOpen(Connection c, long id) throws SQLException {
        return moveState(c, id, CampaignState.OPEN, CampaignState.OPEN);
    }

    /**
     * What keeps the shared lock on the rows a query reads to the end of the transaction, which read committed (the
     * store's isolation) releases at once: Derby's read stability for that one statement; PostgreSQL's row share
     * lock (its snapshots never block the close otherwise).
     */
    private static String keepShared(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().startsWith("Apache Derby") ? " WITH RS" : " FOR SHARE";
    }

    // ---------------------------------------------------------------- codes

    /** A campaign's codes, optionally of one unit, by unit, category and code. */
    static List<CodeRow> codes(Connection c, long campaignId, Long orgUnitId) throws SQLException {
        String sql = "SELECT CODE, CAMPAIGN_ID, ORG_UNIT_ID, CATEGORY, USED FROM JX_QNR_CODE WHERE CAMPAIGN_ID = ?"
                + (orgUnitId == null ? "" : " AND ORG_UNIT_ID = ?") + " ORDER BY ORG_UNIT_ID, CATEGORY, CODE";
        return orgUnitId == null ? Jdbc.list(c, sql, QuestionnaireRepository::code, campaignId)
                : Jdbc.list(c, sql, QuestionnaireRepository::code, campaignId, orgUnitId);
    }

    /** A code with its campaign, in one read; null when the code is unknown. */
    static CodeAndCampaign codeAndCampaign(Connection c, String code) throws SQLException {
        return Jdbc.one(c, "SELECT c.CODE, c.CAMPAIGN_ID, c.ORG_UNIT_ID, c.CATEGORY, c.USED, " + CAMPAIGN_COLUMNS
                + " JOIN JX_QNR_CODE c ON c.CAMPAIGN_ID = k.ID WHERE c.CODE = ?",
                rs -> new CodeAndCampaign(code(rs), campaign(rs)), code);
    }

    /** A stored code and its campaign. */
    record CodeAndCampaign(CodeRow code, CampaignRow campaign) {
    }

    private static CodeRow code(ResultSet rs) throws SQLException {
        return new CodeRow(rs.getString(1), rs.getLong(2), rs.getLong(3), RespondentCategory.valueOf(rs.getString(4)),
                rs.getShort(5) != 0);
    }

    /** Inserts new unused codes; a code already stored fails the batch (the primary key). */
    static void insertCodes(Connection c, long campaignId, List<CodeRow> codes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO JX_QNR_CODE (CODE, CAMPAIGN_ID, ORG_UNIT_ID,"
                + " CATEGORY, USED) VALUES (?, ?, ?, ?, 0)")) {
            for (CodeRow code : codes) {
                ps.setString(1, code.code());
                ps.setLong(2, campaignId);
                ps.setLong(3, code.orgUnitId());
                ps.setString(4, code.category().name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void deleteCodes(Connection c, Collection<String> codes) throws SQLException {
        if (codes.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM JX_QNR_CODE WHERE CODE = ? AND USED = 0")) {
            for (String code : codes) {
                ps.setString(1, code);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Uses a code: 1 when this call used it, 0 when it was used already (or is gone). The caller checks the count
     * inside its transaction, so that of two submissions of one code only one can commit.
     */
    static int useCode(Connection c, String code) throws SQLException {
        return Jdbc.update(c, "UPDATE JX_QNR_CODE SET USED = 1 WHERE CODE = ? AND USED = 0", code);
    }

    // ---------------------------------------------------------------- responses

    /**
     * Where a response stands: held until enough others came for a shuffled batch (or the campaign closed), then
     * among the responses. Both have the same columns; results read both.
     */
    enum Responses {
        HELD("JX_QNR_HELD_RESPONSE", "JX_QNR_HELD_ANSWER"), RELEASED("JX_QNR_RESPONSE", "JX_QNR_ANSWER");

        private final String responses;
        private final String answers;

        Responses(String responses, String answers) {
            this.responses = responses;
            this.answers = answers;
        }
    }

    /** The most answers one INSERT writes; so that a few statements of as many rows serve every questionnaire. */
    static final int ANSWER_ROWS = 16;

    /** A held response and its answers; {@code answers} holds only answered items. */
    static void holdResponse(Connection c, String id, long campaignId, long orgUnitId, RespondentCategory category,
            LocalDate day, List<Answer> answers) throws SQLException {
        insertResponse(c, Responses.HELD, id, campaignId, orgUnitId, category, day);
        // One statement of many rows rather than a JDBC batch, which embedded Derby executes row by row.
        for (int from = 0; from < answers.size(); from += ANSWER_ROWS) {
            List<Answer> rows = answers.subList(from, Math.min(answers.size(), from + ANSWER_ROWS));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + Responses.HELD.answers + " (RESPONSE_ID,"
                    + " ITEM_KEY, CHOICE_NO, ANSWER_TEXT) VALUES " + String.join(", ",
                            Collections.nCopies(rows.size(), "(?, ?, ?, ?)")))) {
                int p = 1;
                for (Answer a : rows) {
                    ps.setString(p++, id);
                    ps.setString(p++, a.itemKey());
                    if (a.choice() == null) {
                        ps.setNull(p++, Types.INTEGER);
                    } else {
                        ps.setInt(p++, a.choice());
                    }
                    ps.setString(p++, a.text());
                }
                ps.executeUpdate();
            }
        }
    }

    private static void insertResponse(Connection c, Responses in, String id, long campaignId, long orgUnitId,
            RespondentCategory category, LocalDate day) throws SQLException {
        Jdbc.update(c, "INSERT INTO " + in.responses + " (ID, CAMPAIGN_ID, ORG_UNIT_ID,"
                + " CATEGORY, ANSWERED_ON) VALUES (?, ?, ?, ?, ?)", id, campaignId, orgUnitId, category.name(), day);
    }

    private record Held(String id, long orgUnitId, RespondentCategory category, LocalDate day) {
    }

    /**
     * Moves a campaign's held responses among the responses when at least {@code atLeast} are held: in a shuffled
     * order and under fresh ids, so that neither the order of the rows nor an id tells which came when. Returns how
     * many moved.
     *
     * <p>With {@code submissionsGoOn}, the campaign is OPEN and submissions run meanwhile: the copies are written
     * beside them (submissions never touch those tables), and only then is the campaign taken exclusively, to delete
     * the held rows; a campaign no longer OPEN by then throws, and the transaction moves nothing. Deleting beside
     * running submissions risks a deadlock: Derby locks the key before a new one in an index (at read committed
     * too), so a submission inserting next to a row deleted here would wait for this transaction, while this one,
     * deleting a response's answers and checking none is left, may read into the rows a submission is writing.
     * Derby finds a deadlock only after its timeout (20 s). Without {@code submissionsGoOn}, the caller holds the
     * campaign exclusively already (the close).
     */
    static int release(Connection c, long campaignId, int atLeast, Codes codes, boolean submissionsGoOn)
            throws SQLException {
        List<Held> held = Jdbc.list(c, "SELECT ID, ORG_UNIT_ID, CATEGORY, ANSWERED_ON FROM JX_QNR_HELD_RESPONSE"
                + " WHERE CAMPAIGN_ID = ?", rs -> new Held(rs.getString(1), rs.getLong(2),
                        RespondentCategory.valueOf(rs.getString(3)), rs.getDate(4).toLocalDate()), campaignId);
        if (held.isEmpty() || held.size() < atLeast) {
            return 0;
        }
        Collections.shuffle(held, codes.random());
        for (Held h : held) {
            String id = codes.responseId();
            insertResponse(c, Responses.RELEASED, id, campaignId, h.orgUnitId(), h.category(), h.day());
            Jdbc.update(c, "INSERT INTO JX_QNR_ANSWER (RESPONSE_ID, ITEM_KEY, CHOICE_NO, ANSWER_TEXT) SELECT ?,"
                    + " ITEM_KEY, CHOICE_NO, ANSWER_TEXT FROM JX_QNR_HELD_ANSWER WHERE RESPONSE_ID = ?", id, h.id());
        }
        if (submissionsGoOn && !lockOpen(c, campaignId)) {
            throw new IllegalStateException("campaign " + campaignId + " is no longer open");
        }
        // A few statements, as the submissions wait meanwhile.
        List<String> ids = held.stream().map(Held::id).sorted().toList();
        for (int from = 0; from < ids.size(); from += DELETE_IDS) {
            List<String> some = ids.subList(from, Math.min(ids.size(), from + DELETE_IDS));
            String in = String.join(", ", Collections.nCopies(some.size(), "?"));
            Jdbc.update(c, "DELETE FROM JX_QNR_HELD_ANSWER WHERE RESPONSE_ID IN (" + in + ")", some.toArray());
            if (Jdbc.update(c, "DELETE FROM JX_QNR_HELD_RESPONSE WHERE ID IN (" + in + ")", some.toArray())
                    != some.size()) {
                // Moved by another meanwhile: this transaction's copies are rolled back with it.
                throw new IllegalStateException("held responses of campaign " + campaignId + " moved meanwhile");
            }
        }
        return held.size();
    }

    /** The most held responses one DELETE names. */
    private static final int DELETE_IDS = 50;

    /** Every response of a campaign, held ones included, with its chosen levels; the ids stay here. */
    static List<Scoring.Response> responses(Connection c, long campaignId) throws SQLException {
        List<Scoring.Response> out = new ArrayList<>();
        for (Responses in : Responses.values()) {
            Map<String, Map<String, Integer>> choices = new HashMap<>();
            Jdbc.each(c, "SELECT a.RESPONSE_ID, a.ITEM_KEY, a.CHOICE_NO FROM " + in.answers + " a JOIN "
                    + in.responses + " r ON r.ID = a.RESPONSE_ID WHERE r.CAMPAIGN_ID = ? AND a.CHOICE_NO IS NOT NULL",
                    rs -> choices.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                            rs.getInt(3)), campaignId);
            out.addAll(Jdbc.list(c, "SELECT ID, ORG_UNIT_ID, CATEGORY FROM " + in.responses + " WHERE CAMPAIGN_ID = ?",
                    rs -> new Scoring.Response(rs.getLong(2), RespondentCategory.valueOf(rs.getString(3)),
                            choices.getOrDefault(rs.getString(1), Map.of())), campaignId));
        }
        return out;
    }

    /** Responses held and released, by the unit they rate: an index's count, no answer read. */
    static Map<Long, Integer> responseCounts(Connection c, long campaignId) throws SQLException {
        Map<Long, Integer> out = new HashMap<>();
        for (Responses in : Responses.values()) {
            Jdbc.each(c, "SELECT ORG_UNIT_ID, COUNT(*) FROM " + in.responses + " WHERE CAMPAIGN_ID = ? GROUP BY"
                    + " ORG_UNIT_ID", rs -> out.merge(rs.getLong(1), rs.getInt(2), Integer::sum), campaignId);
        }
        return out;
    }

    /** The campaign's free-text answers, with the unit each rates and nothing of the response. */
    static List<TextRow> texts(Connection c, long campaignId) throws SQLException {
        List<TextRow> out = new ArrayList<>();
        for (Responses in : Responses.values()) {
            Jdbc.each(c, "SELECT r.ORG_UNIT_ID, a.ITEM_KEY, a.ANSWER_TEXT FROM " + in.answers + " a JOIN "
                    + in.responses + " r ON r.ID = a.RESPONSE_ID WHERE r.CAMPAIGN_ID = ? AND a.ANSWER_TEXT IS NOT NULL",
                    rs -> out.add(new TextRow(rs.getLong(1), rs.getString(2), rs.getString(3))), campaignId);
        }
        return out;
    }

    // ---------------------------------------------------------------- decisions and feeds

    static Map<Long, Decision> decisions(Connection c, long campaignId) throws SQLException {
        Map<Long, Decision> out = new LinkedHashMap<>();
        Jdbc.each(c, "SELECT ORG_UNIT_ID, DECISION FROM JX_QNR_DECISION WHERE CAMPAIGN_ID = ?",
                rs -> out.put(rs.getLong(1), Decision.valueOf(rs.getString(2))), campaignId);
        return out;
    }

    static void insertDecision(Connection c, long campaignId, long orgUnitId, Decision decision, String reason,
            Instant now, String by) throws SQLException {
        Jdbc.update(c, "INSERT INTO JX_QNR_DECISION (CAMPAIGN_ID, ORG_UNIT_ID,"
                + " DECISION, REASON, DECIDED_AT, DECIDED_BY) VALUES (?, ?, ?, ?, ?, ?)", campaignId, orgUnitId,
                decision.name(), reason, now, Jdbc.truncate(by, USERNAME_MAX));
    }

    static Set<Long> fed(Connection c, long campaignId) throws SQLException {
        return new HashSet<>(Jdbc.list(c, "SELECT ORG_UNIT_ID FROM JX_QNR_FEED WHERE CAMPAIGN_ID = ?",
                rs -> rs.getLong(1), campaignId));
    }

    static void insertFeed(Connection c, long campaignId, long orgUnitId, BigDecimal score, Instant now, String by)
            throws SQLException {
        Jdbc.update(c, "INSERT INTO JX_QNR_FEED (CAMPAIGN_ID, ORG_UNIT_ID, SCORE,"
                + " FED_AT, FED_BY) VALUES (?, ?, ?, ?, ?)", campaignId, orgUnitId, score, now,
                Jdbc.truncate(by, USERNAME_MAX));
    }

    // ---------------------------------------------------------------- helpers

    private static short flag(boolean b) {
        return (short) (b ? 1 : 0);
    }

    /** 2.5000 as 2.5: the stored scale is the column's, not the figure's. */
    static BigDecimal normal(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
