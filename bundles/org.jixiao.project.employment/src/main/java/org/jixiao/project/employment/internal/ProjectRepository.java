package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthRepository.bind;
import static org.jixiao.project.employment.internal.YouthRepository.placeholders;
import static org.jixiao.project.employment.internal.YouthRepository.setNullableString;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The SQL of the entrepreneurship project database; portable, on the caller's connection. */
final class ProjectRepository {

    private static final String COLUMNS = "P.ID, P.NAME, P.FOUNDER_ID, Y.NAME, P.SECTOR, P.STAGE, P.SUPPORT, "
            + "P.COUNTY_ID, P.REGISTERED_ON, P.CREATED_AT, P.UPDATED_AT";
    private static final String FROM = " FROM EMP_PROJECT P JOIN EMP_YOUTH Y ON Y.ID = P.FOUNDER_ID";

    /** The county of a live youth record, empty when there is none. */
    Optional<Long> liveYouthCounty(Connection c, long youthId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNTY_ID FROM EMP_YOUTH WHERE ID = ? AND DELETED_AT IS NULL")) {
            ps.setLong(1, youthId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    long insert(Connection c, ProjectData d, YouthRepository.Stamp stamp) throws SQLException {
        String sql = "INSERT INTO EMP_PROJECT (NAME, FOUNDER_ID, SECTOR, STAGE, SUPPORT, COUNTY_ID, REGISTERED_ON, "
                + "CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            int i = bindRecord(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i, stamp.userId());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database returned no generated id for EMP_PROJECT");
                }
                return keys.getLong(1);
            }
        }
    }

    void update(Connection c, long id, ProjectData d, YouthRepository.Stamp stamp) throws SQLException {
        String sql = "UPDATE EMP_PROJECT SET NAME = ?, FOUNDER_ID = ?, SECTOR = ?, STAGE = ?, SUPPORT = ?, "
                + "COUNTY_ID = ?, REGISTERED_ON = ?, UPDATED_AT = ?, UPDATED_BY = ? WHERE ID = ? AND DELETED_AT IS NULL";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bindRecord(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setLong(i, id);
            ps.executeUpdate();
        }
    }

    private static int bindRecord(PreparedStatement ps, ProjectData d) throws SQLException {
        int i = 1;
        ps.setString(i++, d.name());
        ps.setLong(i++, d.founderId());
        ps.setString(i++, d.sector().name());
        ps.setString(i++, d.stage().name());
        setNullableString(ps, i++, d.support());
        ps.setLong(i++, d.countyId());
        ps.setDate(i++, Date.valueOf(d.registeredOn()));
        return i;
    }

    boolean softDelete(Connection c, long id, YouthRepository.Stamp stamp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE EMP_PROJECT SET DELETED_AT = ?, DELETED_BY = ? WHERE ID = ? AND DELETED_AT IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(stamp.at()));
            ps.setLong(2, stamp.userId());
            ps.setLong(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    Optional<Project> findLive(Connection c, long id) throws SQLException {
        return Jdbc.first(c, "SELECT " + COLUMNS + FROM
                + " WHERE P.ID = ? AND P.DELETED_AT IS NULL", List.of(id), rs -> row(rs));
    }

    long count(Connection c, Collection<Long> counties, ProjectFilter f) throws SQLException {
        if (counties.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        String where = where(counties, f, args);
        return Jdbc.count(c, "SELECT COUNT(*)" + FROM + " WHERE " + where, args);
    }

    List<Project> list(Connection c, Collection<Long> counties, ProjectFilter f, int offset, int size)
            throws SQLException {
        List<Project> out = new ArrayList<>();
        if (counties.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>();
        String where = where(counties, f, args);
        args.add(offset);
        args.add(size);
        out.addAll(Jdbc.all(c, "SELECT " + COLUMNS + FROM + " WHERE " + where
                + " ORDER BY P.REGISTERED_ON DESC, P.ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                args, rs -> row(rs)));
        return out;
    }

    /** Live projects per county registered on or before the day (every day when null). */
    Map<Long, Long> countByCounty(Connection c, Collection<Long> counties, java.time.LocalDate registeredBy)
            throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        if (counties.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>(counties);
        String sql = "SELECT COUNTY_ID, COUNT(*) FROM EMP_PROJECT WHERE DELETED_AT IS NULL AND COUNTY_ID IN ("
                + placeholders(counties.size()) + ")" + (registeredBy == null ? "" : " AND REGISTERED_ON <= ?")
                + " GROUP BY COUNTY_ID";
        if (registeredBy != null) {
            args.add(Date.valueOf(registeredBy));
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    private static String where(Collection<Long> counties, ProjectFilter f, List<Object> args) {
        StringBuilder w = new StringBuilder("P.DELETED_AT IS NULL AND P.COUNTY_ID IN (")
                .append(placeholders(counties.size())).append(')');
        args.addAll(counties);
        if (f.query() != null && !f.query().isBlank()) {
            w.append(" AND LOWER(P.NAME) LIKE ? ESCAPE '!'");
            args.add("%" + YouthRepository.escapeLike(f.query().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (f.sector() != null) {
            w.append(" AND P.SECTOR = ?");
            args.add(f.sector().name());
        }
        if (f.stage() != null) {
            w.append(" AND P.STAGE = ?");
            args.add(f.stage().name());
        }
        return w.toString();
    }

    private static Project row(ResultSet rs) throws SQLException {
        return new Project(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                Enums.parse(ProjectSector.class, rs.getString(5)).orElse(ProjectSector.OTHER),
                Enums.parse(ProjectStage.class, rs.getString(6)).orElse(ProjectStage.IDEA), rs.getString(7),
                rs.getLong(8), rs.getDate(9).toLocalDate(), rs.getTimestamp(10).toInstant(),
                rs.getTimestamp(11).toInstant());
    }
}
