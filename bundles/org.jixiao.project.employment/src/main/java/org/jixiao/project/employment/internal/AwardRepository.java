package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.OutcomeRepository.generatedId;
import static org.jixiao.project.employment.internal.OutcomeRepository.single;
import static org.jixiao.project.employment.internal.YouthRepository.bind;
import static org.jixiao.project.employment.internal.YouthRepository.placeholders;
import static org.jixiao.project.employment.internal.YouthRepository.setNullableString;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The SQL of the awards and competitions and their entrants; portable, on the caller's connection. */
final class AwardRepository {

    private static final String ENTRANTS = "(SELECT COUNT(*) FROM EMP_AWARD_ENTRANT E WHERE E.AWARD_ID = A.ID "
            + "AND E.DELETED_AT IS NULL)";
    private static final String WINNERS = "(SELECT COUNT(*) FROM EMP_AWARD_ENTRANT E WHERE E.AWARD_ID = A.ID "
            + "AND E.DELETED_AT IS NULL AND E.RESULT = 'WINNER')";
    private static final String COLUMNS = "A.ID, A.KIND, A.NAME, A.AWARD_YEAR, A.AWARD_LEVEL, A.COUNTY_ID, " + ENTRANTS
            + ", " + WINNERS + ", A.CREATED_AT, A.UPDATED_AT";

    /** What the award list is narrowed to; a null member is no filter. {@code query}: a part of the name. */
    record Filter(String query, AwardKind kind, Integer year, Long countyId) {
    }

    // ---------------------------------------------------------------- awards

    long insert(Connection c, AwardService.Data d, YouthRepository.Stamp stamp) throws SQLException {
        String sql = "INSERT INTO EMP_AWARD (KIND, NAME, AWARD_YEAR, AWARD_LEVEL, COUNTY_ID, CREATED_AT, CREATED_BY, "
                + "UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            int i = bindAward(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i, stamp.userId());
            ps.executeUpdate();
            return generatedId(ps, "EMP_AWARD");
        }
    }

    void update(Connection c, long id, AwardService.Data d, YouthRepository.Stamp stamp) throws SQLException {
        String sql = "UPDATE EMP_AWARD SET KIND = ?, NAME = ?, AWARD_YEAR = ?, AWARD_LEVEL = ?, COUNTY_ID = ?, "
                + "UPDATED_AT = ?, UPDATED_BY = ? WHERE ID = ? AND DELETED_AT IS NULL";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bindAward(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setLong(i, id);
            ps.executeUpdate();
        }
    }

    private static int bindAward(PreparedStatement ps, AwardService.Data d) throws SQLException {
        int i = 1;
        ps.setString(i++, d.kind().name());
        setNullableString(ps, i++, d.name());
        ps.setInt(i++, d.year());
        ps.setString(i++, d.level().name());
        ps.setLong(i++, d.countyId());
        return i;
    }

    Optional<Award> findLive(Connection c, long id) throws SQLException {
        return Jdbc.first(c, "SELECT " + COLUMNS
                + " FROM EMP_AWARD A WHERE A.ID = ? AND A.DELETED_AT IS NULL", List.of(id), rs -> award(rs));
    }

    long count(Connection c, Collection<Long> counties, Filter f) throws SQLException {
        if (counties.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        return single(c, "SELECT COUNT(*) FROM EMP_AWARD A WHERE " + where(counties, f, args), args);
    }

    List<Award> list(Connection c, Collection<Long> counties, Filter f, int offset, int size) throws SQLException {
        List<Award> out = new ArrayList<>();
        if (counties.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>();
        String where = where(counties, f, args);
        args.add(offset);
        args.add(size);
        out.addAll(Jdbc.all(c, "SELECT " + COLUMNS + " FROM EMP_AWARD A WHERE " + where
                + " ORDER BY A.AWARD_YEAR DESC, A.ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                args, rs -> award(rs)));
        return out;
    }

    private static String where(Collection<Long> counties, Filter f, List<Object> args) {
        StringBuilder w = new StringBuilder("A.DELETED_AT IS NULL AND A.COUNTY_ID IN (")
                .append(placeholders(counties.size())).append(')');
        args.addAll(counties);
        if (f.year() != null) {
            w.append(" AND A.AWARD_YEAR = ?");
            args.add(f.year());
        }
        if (f.kind() != null) {
            w.append(" AND A.KIND = ?");
            args.add(f.kind().name());
        }
        if (f.query() != null && !f.query().isBlank()) {
            w.append(" AND LOWER(A.NAME) LIKE ? ESCAPE '!'");
            args.add("%" + YouthRepository.escapeLike(f.query().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        return w.toString();
    }

    /** Per county of the year: live awards, their live entrants and winners; counties without an award are absent. */
    List<Award.Summary> summary(Connection c, Collection<Long> counties, int year) throws SQLException {
        List<Award.Summary> out = new ArrayList<>();
        if (counties.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>(counties);
        args.add(year);
        // A derived table: Derby admits no subquery inside an aggregate.
        String sql = "SELECT COUNTY_ID, COUNT(*), SUM(NE), SUM(NW) FROM (SELECT A.COUNTY_ID, " + ENTRANTS + " AS NE, "
                + WINNERS + " AS NW FROM EMP_AWARD A WHERE A.DELETED_AT IS NULL AND A.COUNTY_ID IN ("
                + placeholders(counties.size()) + ") AND A.AWARD_YEAR = ?) T GROUP BY COUNTY_ID ORDER BY COUNTY_ID";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Award.Summary(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- entrants

    long insertEntrant(Connection c, long awardId, AwardService.EntrantData d, YouthRepository.Stamp stamp)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO EMP_AWARD_ENTRANT (AWARD_ID, YOUTH_ID, PROJECT_ID, "
                + "RESULT, PRIZE, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, awardId);
            setNullableLong(ps, 2, d.youthId());
            setNullableLong(ps, 3, d.projectId());
            ps.setString(4, d.result().name());
            setNullableString(ps, 5, d.prize());
            ps.setTimestamp(6, Timestamp.from(stamp.at()));
            ps.setLong(7, stamp.userId());
            ps.setTimestamp(8, Timestamp.from(stamp.at()));
            ps.setLong(9, stamp.userId());
            ps.executeUpdate();
            return generatedId(ps, "EMP_AWARD_ENTRANT");
        }
    }

    void updateEntrant(Connection c, long entrantId, AwardService.EntrantData d, YouthRepository.Stamp stamp)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE EMP_AWARD_ENTRANT SET YOUTH_ID = ?, PROJECT_ID = ?, "
                + "RESULT = ?, PRIZE = ?, UPDATED_AT = ?, UPDATED_BY = ? WHERE ID = ? AND DELETED_AT IS NULL")) {
            setNullableLong(ps, 1, d.youthId());
            setNullableLong(ps, 2, d.projectId());
            ps.setString(3, d.result().name());
            setNullableString(ps, 4, d.prize());
            ps.setTimestamp(5, Timestamp.from(stamp.at()));
            ps.setLong(6, stamp.userId());
            ps.setLong(7, entrantId);
            ps.executeUpdate();
        }
    }

    private static void setNullableLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    List<Award.Entrant> entrants(Connection c, long awardId) throws SQLException {
        return entrants(c, "E.AWARD_ID = ?", awardId);
    }

    Optional<Award.Entrant> findEntrant(Connection c, long entrantId) throws SQLException {
        List<Award.Entrant> found = entrants(c, "E.ID = ?", entrantId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<Award.Entrant> entrants(Connection c, String where, long arg) throws SQLException {
        List<Award.Entrant> out = new ArrayList<>();
        // Winners first, then the shortlist, then the other entrants.
        try (PreparedStatement ps = c.prepareStatement("SELECT E.ID, E.AWARD_ID, E.YOUTH_ID, Y.NAME, E.PROJECT_ID, "
                + "P.NAME, E.RESULT, E.PRIZE FROM EMP_AWARD_ENTRANT E LEFT JOIN EMP_YOUTH Y ON Y.ID = E.YOUTH_ID "
                + "LEFT JOIN EMP_PROJECT P ON P.ID = E.PROJECT_ID WHERE " + where + " AND E.DELETED_AT IS NULL "
                + "ORDER BY CASE E.RESULT WHEN 'WINNER' THEN 0 WHEN 'SHORTLISTED' THEN 1 ELSE 2 END, E.ID")) {
            ps.setLong(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long youth = rs.getLong(3);
                    Long youthId = rs.wasNull() ? null : youth;
                    long project = rs.getLong(5);
                    Long projectId = rs.wasNull() ? null : project;
                    out.add(new Award.Entrant(rs.getLong(1), rs.getLong(2), youthId, rs.getString(4), projectId,
                            rs.getString(6), Enums.parse(AwardResult.class, rs.getString(7)).orElse(AwardResult.ENTERED),
                            rs.getString(8)));
                }
            }
        }
        return out;
    }

    /** Live entrants of the award naming the youth (column YOUTH_ID) or project (PROJECT_ID), other than one. */
    long countEntrants(Connection c, long awardId, String column, long linkedId, long exceptId) throws SQLException {
        if (!column.equals("YOUTH_ID") && !column.equals("PROJECT_ID")) {
            throw new IllegalArgumentException(column);
        }
        return single(c, "SELECT COUNT(*) FROM EMP_AWARD_ENTRANT WHERE AWARD_ID = ? AND " + column + " = ? AND ID <> ? "
                + "AND DELETED_AT IS NULL", List.of(awardId, linkedId, exceptId));
    }

    long countEntrants(Connection c, long awardId) throws SQLException {
        return single(c, "SELECT COUNT(*) FROM EMP_AWARD_ENTRANT WHERE AWARD_ID = ? AND DELETED_AT IS NULL",
                List.of(awardId));
    }

    private static Award award(ResultSet rs) throws SQLException {
        return new Award(rs.getLong(1), Enums.parse(AwardKind.class, rs.getString(2)).orElse(AwardKind.OTHER),
                rs.getString(3), rs.getInt(4), Enums.parse(AwardLevel.class, rs.getString(5)).orElse(AwardLevel.CITY),
                rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10).toInstant());
    }
}
