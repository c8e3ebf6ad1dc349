package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthRepository.bind;
import static org.jixiao.project.employment.internal.YouthRepository.placeholders;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The SQL of the internship bases; portable, on the caller's connection. */
final class InternshipBaseRepository {

    private static final String COLUMNS = "B.ID, B.NAME, B.SECTOR, B.ADDRESS, B.CONTACT, B.CAPACITY, B.COUNTY_ID, "
            + "B.ESTABLISHED_ON, B.ENTERED_ON, B.CLOSED_ON, B.CREATED_AT, B.UPDATED_AT";

    long insert(Connection c, InternshipBaseService.Data d, YouthRepository.Stamp stamp) throws SQLException {
        String sql = "INSERT INTO EMP_INTERNSHIP_BASE (NAME, SECTOR, ADDRESS, CONTACT, CAPACITY, COUNTY_ID, "
                + "ESTABLISHED_ON, ENTERED_ON, CLOSED_ON, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            int i = bindRecord(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i, stamp.userId());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database returned no generated id for EMP_INTERNSHIP_BASE");
                }
                return keys.getLong(1);
            }
        }
    }

    void update(Connection c, long id, InternshipBaseService.Data d, YouthRepository.Stamp stamp)
            throws SQLException {
        String sql = "UPDATE EMP_INTERNSHIP_BASE SET NAME = ?, SECTOR = ?, ADDRESS = ?, CONTACT = ?, CAPACITY = ?, "
                + "COUNTY_ID = ?, ESTABLISHED_ON = ?, ENTERED_ON = ?, CLOSED_ON = ?, UPDATED_AT = ?, UPDATED_BY = ? "
                + "WHERE ID = ? AND DELETED_AT IS NULL";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bindRecord(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setLong(i, id);
            ps.executeUpdate();
        }
    }

    private static int bindRecord(PreparedStatement ps, InternshipBaseService.Data d) throws SQLException {
        int i = 1;
        ps.setString(i++, d.name());
        ps.setString(i++, d.sector().name());
        ps.setString(i++, d.address());
        ps.setString(i++, d.contact());
        ps.setInt(i++, d.capacity());
        ps.setLong(i++, d.countyId());
        ps.setDate(i++, Date.valueOf(d.establishedOn()));
        setDate(ps, i++, d.enteredOn());
        setDate(ps, i++, d.closedOn());
        return i;
    }

    static void setDate(PreparedStatement ps, int index, LocalDate day) throws SQLException {
        if (day == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setDate(index, Date.valueOf(day));
        }
    }

    boolean softDelete(Connection c, long id, YouthRepository.Stamp stamp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE EMP_INTERNSHIP_BASE SET DELETED_AT = ?, DELETED_BY = ? WHERE ID = ? AND DELETED_AT IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(stamp.at()));
            ps.setLong(2, stamp.userId());
            ps.setLong(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    Optional<InternshipBase> findLive(Connection c, long id) throws SQLException {
        return Jdbc.first(c, "SELECT " + COLUMNS
                + " FROM EMP_INTERNSHIP_BASE B WHERE B.ID = ? AND B.DELETED_AT IS NULL", List.of(id), rs -> row(rs));
    }

    /** Live internship positions that name the base. */
    long countPositions(Connection c, long baseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM EMP_INTERNSHIP_POSITION WHERE BASE_ID = ? AND DELETED_AT IS NULL")) {
            ps.setLong(1, baseId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    long count(Connection c, Collection<Long> counties, InternshipBaseService.Filter f, LocalDate today)
            throws SQLException {
        if (counties.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        String where = where(counties, f, today, args);
        return Jdbc.count(c, "SELECT COUNT(*) FROM EMP_INTERNSHIP_BASE B WHERE " + where, args);
    }

    List<InternshipBase> list(Connection c, Collection<Long> counties, InternshipBaseService.Filter f,
            LocalDate today, int offset, int size) throws SQLException {
        List<InternshipBase> out = new ArrayList<>();
        if (counties.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>();
        String where = where(counties, f, today, args);
        args.add(offset);
        args.add(size);
        out.addAll(Jdbc.all(c, "SELECT " + COLUMNS + " FROM EMP_INTERNSHIP_BASE B WHERE "
                + where + " ORDER BY B.ESTABLISHED_ON DESC, B.ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                args, rs -> row(rs)));
        return out;
    }

    private static String where(Collection<Long> counties, InternshipBaseService.Filter f, LocalDate today,
            List<Object> args) {
        StringBuilder w = new StringBuilder("B.DELETED_AT IS NULL AND B.COUNTY_ID IN (")
                .append(placeholders(counties.size())).append(')');
        args.addAll(counties);
        if (f.query() != null && !f.query().isBlank()) {
            String like = "%" + YouthRepository.escapeLike(f.query().strip().toLowerCase(Locale.ROOT)) + "%";
            w.append(" AND (LOWER(B.NAME) LIKE ? ESCAPE '!' OR LOWER(B.ADDRESS) LIKE ? ESCAPE '!'"
                    + " OR LOWER(B.CONTACT) LIKE ? ESCAPE '!')");
            args.add(like);
            args.add(like);
            args.add(like);
        }
        if (f.sector() != null) {
            w.append(" AND B.SECTOR = ?");
            args.add(f.sector().name());
        }
        if (f.entered() != null) {
            w.append(f.entered() ? " AND B.ENTERED_ON <= ?" : " AND (B.ENTERED_ON IS NULL OR B.ENTERED_ON > ?)");
            args.add(Date.valueOf(today));
        }
        return w.toString();
    }

    /** Per county: bases established by the day and not closed by it; of them, entered by the day. */
    Map<Long, InternshipBase.Counts> countsByCounty(Connection c, Collection<Long> counties, LocalDate day)
            throws SQLException {
        Map<Long, InternshipBase.Counts> out = new HashMap<>();
        if (counties.isEmpty()) {
            return out;
        }
        Date d = Date.valueOf(day);
        String sql = "SELECT COUNTY_ID, COUNT(*), SUM(CASE WHEN ENTERED_ON <= ? THEN 1 ELSE 0 END) "
                + "FROM EMP_INTERNSHIP_BASE WHERE DELETED_AT IS NULL AND COUNTY_ID IN ("
                + placeholders(counties.size()) + ") AND ESTABLISHED_ON <= ? AND (CLOSED_ON IS NULL OR CLOSED_ON > ?)"
                + " GROUP BY COUNTY_ID";
        List<Object> args = new ArrayList<>();
        args.add(d);
        args.addAll(counties);
        args.add(d);
        args.add(d);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new InternshipBase.Counts(rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return out;
    }

    private static InternshipBase row(ResultSet rs) throws SQLException {
        Date entered = rs.getDate(9);
        Date closed = rs.getDate(10);
        return new InternshipBase(rs.getLong(1), rs.getString(2),
                Enums.parse(ProjectSector.class, rs.getString(3)).orElse(ProjectSector.OTHER), rs.getString(4),
                rs.getString(5), rs.getInt(6), rs.getLong(7), rs.getDate(8).toLocalDate(),
                entered == null ? null : entered.toLocalDate(), closed == null ? null : closed.toLocalDate(),
                rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant());
    }
}
