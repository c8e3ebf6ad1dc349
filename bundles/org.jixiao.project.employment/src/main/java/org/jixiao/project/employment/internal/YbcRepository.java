package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.OutcomeRepository.generatedId;
import static org.jixiao.project.employment.internal.OutcomeRepository.perCounty;
import static org.jixiao.project.employment.internal.OutcomeRepository.single;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The SQL of the YBC service stations and demonstration projects; portable, on the caller's connection. */
final class YbcRepository {

    private static final String STATION_COLUMNS = "S.ID, S.NAME, S.COUNTY_ID, S.SET_UP_ON, S.ADDRESS, S.HEAD, "
            + "S.CONTACT, S.CREATED_AT, S.UPDATED_AT";
    private static final String PROJECT_COLUMNS = "D.ID, D.PROJECT_ID, P.NAME, D.COUNTY_ID, D.DEMO_YEAR, "
            + "D.RECOGNISED_ON, D.SUPPORT, D.CREATED_AT, D.UPDATED_AT";
    private static final String PROJECT_FROM = " FROM EMP_YBC_PROJECT D JOIN EMP_PROJECT P ON P.ID = D.PROJECT_ID";

    /** What the demonstration project list is narrowed to; a null member is no filter. */
    record Filter(String query, Integer year, Long countyId) {
    }

    // ---------------------------------------------------------------- stations

    long insertStation(Connection c, YbcService.StationData d, YouthRepository.Stamp stamp) throws SQLException {
        String sql = "INSERT INTO EMP_YBC_STATION (NAME, COUNTY_ID, SET_UP_ON, ADDRESS, HEAD, CONTACT, LIVE_COUNTY_ID, "
                + "CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            int i = bindStation(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i, stamp.userId());
            ps.executeUpdate();
            return generatedId(ps, "EMP_YBC_STATION");
        }
    }

    void updateStation(Connection c, long id, YbcService.StationData d, YouthRepository.Stamp stamp)
            throws SQLException {
        String sql = "UPDATE EMP_YBC_STATION SET NAME = ?, COUNTY_ID = ?, SET_UP_ON = ?, ADDRESS = ?, HEAD = ?, "
                + "CONTACT = ?, LIVE_COUNTY_ID = ?, UPDATED_AT = ?, UPDATED_BY = ? WHERE ID = ? AND DELETED_AT IS NULL";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bindStation(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setLong(i, id);
            ps.executeUpdate();
        }
    }

    private static int bindStation(PreparedStatement ps, YbcService.StationData d) throws SQLException {
        int i = 1;
        ps.setString(i++, d.name());
        ps.setLong(i++, d.countyId());
        ps.setDate(i++, Date.valueOf(d.setUpOn()));
        ps.setString(i++, d.address());
        ps.setString(i++, d.head());
        ps.setString(i++, d.contact());
        ps.setLong(i++, d.countyId());
        return i;
    }

    Optional<YbcStation> findStation(Connection c, long id) throws SQLException {
        List<YbcStation> found = stations(c, "S.ID = ?", List.of(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every live station of the counties, by county. */
    List<YbcStation> stations(Connection c, Collection<Long> counties) throws SQLException {
        if (counties.isEmpty()) {
            return List.of();
        }
        return stations(c, "S.COUNTY_ID IN (" + placeholders(counties.size()) + ")", new ArrayList<>(counties));
    }

    private static List<YbcStation> stations(Connection c, String where, List<Object> args) throws SQLException {
        List<YbcStation> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + STATION_COLUMNS + " FROM EMP_YBC_STATION S WHERE "
                + "S.DELETED_AT IS NULL AND " + where + " ORDER BY S.COUNTY_ID, S.ID")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new YbcStation(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getDate(4).toLocalDate(),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                            rs.getTimestamp(9).toInstant()));
                }
            }
        }
        return out;
    }

    /** Live stations of the county other than {@code exceptId} (0: none excepted). */
    long countStations(Connection c, long countyId, long exceptId) throws SQLException {
        return single(c, "SELECT COUNT(*) FROM EMP_YBC_STATION WHERE LIVE_COUNTY_ID = ? AND ID <> ?",
                List.of(countyId, exceptId));
    }

    /** Per county: live stations set up on or before the day (0 or 1: one live station a county). */
    Map<Long, Long> stationsByCounty(Connection c, Collection<Long> counties, LocalDate day) throws SQLException {
        if (counties.isEmpty()) {
            return new HashMap<>();
        }
        List<Object> args = new ArrayList<>(counties);
        args.add(Date.valueOf(day));
        return perCounty(c, "SELECT COUNTY_ID, COUNT(*) FROM EMP_YBC_STATION WHERE DELETED_AT IS NULL AND COUNTY_ID IN ("
                + placeholders(counties.size()) + ") AND SET_UP_ON <= ? GROUP BY COUNTY_ID", args);
    }

    // ---------------------------------------------------------------- demonstration projects

    long insertProject(Connection c, YbcService.ProjectData d, YouthRepository.Stamp stamp) throws SQLException {
        String sql = "INSERT INTO EMP_YBC_PROJECT (PROJECT_ID, COUNTY_ID, DEMO_YEAR, RECOGNISED_ON, SUPPORT, "
                + "LIVE_PROJECT_ID, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            int i = bindProject(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i, stamp.userId());
            ps.executeUpdate();
            return generatedId(ps, "EMP_YBC_PROJECT");
        }
    }

    void updateProject(Connection c, long id, YbcService.ProjectData d, YouthRepository.Stamp stamp)
            throws SQLException {
        String sql = "UPDATE EMP_YBC_PROJECT SET PROJECT_ID = ?, COUNTY_ID = ?, DEMO_YEAR = ?, RECOGNISED_ON = ?, "
                + "SUPPORT = ?, LIVE_PROJECT_ID = ?, UPDATED_AT = ?, UPDATED_BY = ? WHERE ID = ? AND DELETED_AT IS NULL";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bindProject(ps, d);
            ps.setTimestamp(i++, Timestamp.from(stamp.at()));
            ps.setLong(i++, stamp.userId());
            ps.setLong(i, id);
            ps.executeUpdate();
        }
    }

    private static int bindProject(PreparedStatement ps, YbcService.ProjectData d) throws SQLException {
        int i = 1;
        ps.setLong(i++, d.projectId());
        ps.setLong(i++, d.countyId());
        ps.setInt(i++, d.year());
        ps.setDate(i++, Date.valueOf(d.recognisedOn()));
        setNullableString(ps, i++, d.support());
        ps.setLong(i++, d.projectId());
        return i;
    }

    Optional<YbcProject> findProject(Connection c, long id) throws SQLException {
        return Jdbc.first(c, "SELECT " + PROJECT_COLUMNS + PROJECT_FROM
                + " WHERE D.ID = ? AND D.DELETED_AT IS NULL", List.of(id), rs -> project(rs));
    }

    /** Live demonstrations of the project in the year other than {@code exceptId} (0: none excepted). */
    long countDemonstrations(Connection c, long projectId, int year, long exceptId) throws SQLException {
        return single(c, "SELECT COUNT(*) FROM EMP_YBC_PROJECT WHERE LIVE_PROJECT_ID = ? AND DEMO_YEAR = ? AND ID <> ?",
                List.of(projectId, year, exceptId));
    }

    long countProjects(Connection c, Collection<Long> counties, Filter f) throws SQLException {
        if (counties.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        String where = where(counties, f, args);
        return single(c, "SELECT COUNT(*)" + PROJECT_FROM + " WHERE " + where, args);
    }

    List<YbcProject> listProjects(Connection c, Collection<Long> counties, Filter f, int offset, int size)
            throws SQLException {
        List<YbcProject> out = new ArrayList<>();
        if (counties.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>();
        String where = where(counties, f, args);
        args.add(offset);
        args.add(size);
        out.addAll(Jdbc.all(c, "SELECT " + PROJECT_COLUMNS + PROJECT_FROM + " WHERE " + where
                + " ORDER BY D.RECOGNISED_ON DESC, D.ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                args, rs -> project(rs)));
        return out;
    }

    /** Live demonstration projects per county of the year recognised on or before the day. */
    Map<Long, Long> projectsByCounty(Connection c, Collection<Long> counties, int year, LocalDate day)
            throws SQLException {
        if (counties.isEmpty()) {
            return new HashMap<>();
        }
        List<Object> args = new ArrayList<>(counties);
        args.add(year);
        args.add(Date.valueOf(day));
        return perCounty(c, "SELECT COUNTY_ID, COUNT(*) FROM EMP_YBC_PROJECT WHERE DELETED_AT IS NULL AND COUNTY_ID IN ("
                + placeholders(counties.size()) + ") AND DEMO_YEAR = ? AND RECOGNISED_ON <= ? GROUP BY COUNTY_ID", args);
    }

    private static String where(Collection<Long> counties, Filter f, List<Object> args) {
        StringBuilder w = new StringBuilder("D.DELETED_AT IS NULL AND D.COUNTY_ID IN (")
                .append(placeholders(counties.size())).append(')');
        args.addAll(counties);
        if (f.year() != null) {
            w.append(" AND D.DEMO_YEAR = ?");
            args.add(f.year());
        }
        if (f.query() != null && !f.query().isBlank()) {
            w.append(" AND LOWER(P.NAME) LIKE ? ESCAPE '!'");
            args.add("%" + YouthRepository.escapeLike(f.query().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        return w.toString();
    }

    private static YbcProject project(ResultSet rs) throws SQLException {
        return new YbcProject(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
                rs.getDate(6).toLocalDate(), rs.getString(7), rs.getTimestamp(8).toInstant(),
                rs.getTimestamp(9).toInstant());
    }
}
