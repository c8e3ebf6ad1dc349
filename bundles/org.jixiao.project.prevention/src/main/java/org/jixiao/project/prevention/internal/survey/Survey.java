package org.jixiao.project.prevention.internal.survey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The yearly survey update of a county (POLICY.md section 4, step 1: updated before March every year): the county's
 * confirmation freezes each live key youth's surveyed facts as a fingerprint; the comparison with last year's
 * confirmation names the youth who are new, who left and whose facts changed.
 */
public final class Survey {

    /**
     * The facts a survey confirms: what the youth is, where, how they live, who helps them. The encrypted ones by
     * their keyed hash, stable while the value is (its ciphertext changes with every write): a change of case or
     * spacing alone is no change.
     */
    private static final String FACTS = "CATEGORY, COMMUNITY, SITUATION_HASH, NEEDS_HASH, GUARDIAN_HASH, "
            + "GUARDIAN_PHONE_HASH, PROFESSIONAL, VOLUNTEER, STATE, VERIFIED_BY";
    /** The facts as fingerprints were taken of them before they were encrypted: these four in clear. */
    private static final List<String> CLEAR_FACTS = List.of("situation", "needs", "guardian", "guardianPhone");

    /** A confirmation: the year's frozen survey of a county. */
    public record Confirmation(long id, int year, int youth, Instant at, long by) {
    }

    /** The youth a comparison names, by what happened to them. */
    public record Changes(List<Long> added, List<Long> left, List<Long> changed) {
    }

    private Survey() {
    }

    public static Optional<Confirmation> confirmation(Connection c, long unit, int year) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, SURVEY_YEAR, YOUTH_COUNT, CONFIRMED_AT, "
                + "CONFIRMED_BY FROM PRV_SURVEY WHERE UNIT_ID = ? AND SURVEY_YEAR = ?")) {
            ps.setLong(1, unit);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Confirmation(rs.getLong(1), rs.getInt(2), rs.getInt(3),
                        rs.getTimestamp(4).toInstant(), rs.getLong(5))) : Optional.empty();
            }
        }
    }

    /**
     * Freezes the county's youth in the programme for the year; the caller has checked it is not confirmed yet.
     * @param today the day of the confirmation, in the committee's time zone
     */
    public static int confirm(Connection c, long id, long unit, int year, long userId, Instant at, LocalDate today)
            throws SQLException {
        Map<Long, String> now = fingerprints(c, unit, today);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO PRV_SURVEY (ID, UNIT_ID, SURVEY_YEAR, YOUTH_COUNT, "
                + "CONFIRMED_AT, CONFIRMED_BY) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setLong(2, unit);
            ps.setInt(3, year);
            ps.setInt(4, now.size());
            ps.setTimestamp(5, Timestamp.from(at));
            ps.setLong(6, userId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO PRV_SURVEY_ROW (SURVEY_ID, YOUTH_ID, FINGERPRINT) "
                + "VALUES (?, ?, ?)")) {
            for (Map.Entry<Long, String> e : now.entrySet()) {
                ps.setLong(1, id);
                ps.setLong(2, e.getKey());
                ps.setString(3, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return now.size();
    }

    /**
     * The youth of the county as they are today against the year's confirmation (or, when the year is not confirmed
     * yet, against the last year's): new, left and changed since.
     */
    public static Changes since(Connection c, long surveyId, long unit, LocalDate today) throws SQLException {
        Map<Long, String> then = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT YOUTH_ID, FINGERPRINT FROM PRV_SURVEY_ROW WHERE "
                + "SURVEY_ID = ? ORDER BY YOUTH_ID")) {
            ps.setLong(1, surveyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    then.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        Map<Long, String> now = fingerprints(c, unit, today);
        List<Long> added = new ArrayList<>();
        List<Long> changed = new ArrayList<>();
        for (Map.Entry<Long, String> e : now.entrySet()) {
            String before = then.get(e.getKey());
            if (before == null) {
                added.add(e.getKey());
            } else if (!before.equals(e.getValue())) {
                changed.add(e.getKey());
            }
        }
        List<Long> left = then.keySet().stream().filter(id -> !now.containsKey(id)).toList();
        return new Changes(added, left, changed);
    }

    /**
     * The unit's youth in the programme on {@code today} by id, each with the SHA-256 of its surveyed facts: a youth
     * who left it (and whose record is kept for the retention period, then archived) is no longer surveyed, and shows
     * in next year's changes as left.
     */
    private static Map<Long, String> fingerprints(Connection c, long unit, LocalDate today) throws SQLException {
        Map<Long, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, " + FACTS + " FROM PRV_YOUTH WHERE UNIT_ID = ? "
                + "AND DELETED_AT IS NULL AND (LEFT_ON IS NULL OR LEFT_ON > ?) ORDER BY ID")) {
            ps.setLong(1, unit);
            ps.setDate(2, java.sql.Date.valueOf(today));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), fingerprint(rs, null));
                }
            }
        }
        return out;
    }

    /**
     * The SHA-256 of the facts of the row at {@code rs} (its ID first, then {@link #FACTS}); with {@code clear}, the
     * encrypted facts are taken in clear from it instead of their hashes, as fingerprints were taken before.
     */
    private static String fingerprint(ResultSet rs, Map<String, String> clear) throws SQLException {
        StringBuilder facts = new StringBuilder();
        int n = rs.getMetaData().getColumnCount();
        for (int i = 2; i <= n; i++) {
            int fact = i - 4;
            String value = clear != null && fact >= 0 && fact < CLEAR_FACTS.size()
                    ? clear.get(CLEAR_FACTS.get(fact)) : rs.getString(i);
            facts.append(value).append('\u001f');
        }
        return sha256(facts.toString());
    }

    /**
     * Once, as the engine encrypts a youth's clear values (issue 14): each confirmed fingerprint of the youth that
     * its facts in clear still give is replaced by the one they give now, by their hashes, so that a youth whose
     * facts did not change since its confirmation does not show as changed because they were encrypted. A
     * fingerprint of other facts stays: the youth did change.
     */
    public static void clearValuesEncrypted(Connection c, long youth, Map<String, String> clear) throws SQLException {
        String before;
        String now;
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, " + FACTS + " FROM PRV_YOUTH WHERE ID = ?")) {
            ps.setLong(1, youth);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                before = fingerprint(rs, clear);
                now = fingerprint(rs, null);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE PRV_SURVEY_ROW SET FINGERPRINT = ? WHERE YOUTH_ID = ? "
                + "AND FINGERPRINT = ?")) {
            ps.setString(1, now);
            ps.setLong(2, youth);
            ps.setString(3, before);
            ps.executeUpdate();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The youth by id with their names ({@code names}: the engine's titles), in the order given. */
    public static List<Map<String, Object>> named(List<Long> youth, Map<Long, String> names) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Long id : youth) {
            out.add(Map.of("youthId", id, "youth", names.getOrDefault(id, "")));
        }
        return out;
    }
}
