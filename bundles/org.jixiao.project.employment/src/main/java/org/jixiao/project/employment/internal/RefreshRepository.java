package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthRepository.placeholders;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL of the refresh: confirmations and their frozen items are only ever inserted, never updated or deleted.
 * Portable on purpose (Derby now, PostgreSQL later). Every method works on the caller's connection.
 */
final class RefreshRepository {

    private static final String HEADER = "ID, COUNTY_ID, REFRESH_YEAR, PERIOD, VERSION, CONFIRMED_AT, CONFIRMED_BY, "
            + "CONFIRMED_BY_NAME, TOTAL_COUNT, JOB_SEEKING_COUNT, ENTREPRENEUR_COUNT";
    private static final String ITEM = "YOUTH_ID, YOUTH_TYPE, EDUCATION, AGE_BAND, REGISTERED_ON, NEED_CATEGORIES";
    /** Rows per batch of item inserts and per IN list of name look-ups. */
    private static final int CHUNK = 500;

    /** A youth record's number, name and where it is now, for naming the entries of a comparison. */
    record YouthRef(long id, String name, long countyId, boolean deleted) {
    }

    private final ZoneId zone;

    RefreshRepository(ZoneId zone) {
        this.zone = zone;
    }

    /** Every confirmation of the counties, every version, oldest first. */
    List<RefreshConfirmation> confirmations(Connection c, Collection<Long> counties) throws SQLException {
        List<RefreshConfirmation> out = new ArrayList<>();
        if (counties.isEmpty()) {
            return out;
        }
        Jdbc.each(c, "SELECT " + HEADER + " FROM EMP_REFRESH WHERE COUNTY_ID IN (" + placeholders(counties.size())
                + ") ORDER BY COUNTY_ID, REFRESH_YEAR, PERIOD, VERSION", new ArrayList<>(counties),
                rs -> header(rs).ifPresent(out::add));
        return out;
    }

    Optional<RefreshConfirmation> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + HEADER + " FROM EMP_REFRESH WHERE ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? header(rs) : Optional.empty();
            }
        }
    }

    int lastVersion(Connection c, long county, RefreshWindow w) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(VERSION) FROM EMP_REFRESH WHERE COUNTY_ID = ? "
                + "AND REFRESH_YEAR = ? AND PERIOD = ?")) {
            ps.setLong(1, county);
            ps.setInt(2, w.year());
            ps.setString(3, w.period().name());
            try (ResultSet rs = ps.executeQuery()) {
                // MAX over no rows is NULL, which getInt reads as 0.
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** Inserts the header and every item; returns the new confirmation's id. */
    long insert(Connection c, long county, RefreshWindow w, int version, Instant at, long userId, String userName,
            List<RefreshItem> items) throws SQLException {
        int jobSeeking = (int) items.stream().filter(i -> i.type() == YouthType.JOB_SEEKING).count();
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO EMP_REFRESH (COUNTY_ID, REFRESH_YEAR, PERIOD, "
                + "VERSION, CONFIRMED_AT, CONFIRMED_BY, CONFIRMED_BY_NAME, TOTAL_COUNT, JOB_SEEKING_COUNT, "
                + "ENTREPRENEUR_COUNT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, county);
            ps.setInt(2, w.year());
            ps.setString(3, w.period().name());
            ps.setInt(4, version);
            ps.setTimestamp(5, Timestamp.from(at));
            ps.setLong(6, userId);
            ps.setString(7, userName);
            ps.setInt(8, items.size());
            ps.setInt(9, jobSeeking);
            ps.setInt(10, items.size() - jobSeeking);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database returned no generated id for EMP_REFRESH");
                }
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO EMP_REFRESH_ITEM (REFRESH_ID, " + ITEM
                + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (RefreshItem item : items) {
                ps.setLong(1, id);
                ps.setLong(2, item.youthId());
                ps.setString(3, item.type().name());
                ps.setString(4, item.education().name());
                ps.setString(5, item.ageBand());
                ps.setDate(6, Date.valueOf(item.registeredOn()));
                ps.setString(7, item.needsText());
                ps.addBatch();
                if (++pending == CHUNK) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        return id;
    }

    /** The frozen items of a confirmation, by youth number. */
    Map<Long, RefreshItem> items(Connection c, long refreshId) throws SQLException {
        Map<Long, RefreshItem> out = new LinkedHashMap<>();
        Jdbc.each(c, "SELECT " + ITEM + " FROM EMP_REFRESH_ITEM WHERE REFRESH_ID = ? ORDER BY YOUTH_ID",
                List.of(refreshId), rs -> item(rs).ifPresent(i -> out.put(i.youthId(), i)));
        return out;
    }

    /** One page of the frozen items of a confirmation, by youth number. */
    List<RefreshItem> items(Connection c, long refreshId, int offset, int size) throws SQLException {
        List<RefreshItem> out = new ArrayList<>();
        Jdbc.each(c, "SELECT " + ITEM + " FROM EMP_REFRESH_ITEM WHERE REFRESH_ID = ? ORDER BY YOUTH_ID "
                + "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", List.of(refreshId, offset, size),
                rs -> item(rs).ifPresent(out::add));
        return out;
    }

    /** The live records of a county as a refresh sees them, ages as of {@code today}, by youth number. */
    Map<Long, RefreshItem> live(Connection c, long county, LocalDate today) throws SQLException {
        Map<Long, Set<NeedCategory>> needs = new HashMap<>();
        Jdbc.each(c, "SELECT N.YOUTH_ID, N.CATEGORY FROM EMP_YOUTH_NEED N JOIN EMP_YOUTH Y ON Y.ID = N.YOUTH_ID "
                + "WHERE Y.DELETED_AT IS NULL AND Y.COUNTY_ID = ?", List.of(county), rs -> {
                    long id = rs.getLong(1);
                    Enums.parse(NeedCategory.class, rs.getString(2))
                            .ifPresent(n -> needs.computeIfAbsent(id, k -> EnumSet.noneOf(NeedCategory.class)).add(n));
                });
        Map<Long, RefreshItem> out = new LinkedHashMap<>();
        Jdbc.each(c, "SELECT ID, YOUTH_TYPE, EDUCATION, BIRTH_YEAR, REGISTERED_ON FROM EMP_YOUTH "
                + "WHERE DELETED_AT IS NULL AND COUNTY_ID = ? ORDER BY ID", List.of(county), rs -> {
                    long id = rs.getLong(1);
                    Optional<YouthType> type = Enums.parse(YouthType.class, rs.getString(2));
                    Optional<Education> education = Enums.parse(Education.class, rs.getString(3));
                    if (type.isPresent() && education.isPresent()) {
                        out.put(id, new RefreshItem(id, type.get(), education.get(),
                                YouthStats.ageBand(rs.getInt(4), today), rs.getDate(5).toLocalDate(),
                                needs.getOrDefault(id, Set.of())));
                    }
                });
        return out;
    }

    /** The live records per county; counties without any are absent. */
    Map<Long, Long> liveCounts(Connection c, Collection<Long> counties) throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        if (counties.isEmpty()) {
            return out;
        }
        Jdbc.each(c, "SELECT COUNTY_ID, COUNT(*) FROM EMP_YOUTH WHERE DELETED_AT IS NULL AND COUNTY_ID IN ("
                + placeholders(counties.size()) + ") GROUP BY COUNTY_ID", new ArrayList<>(counties),
                rs -> out.put(rs.getLong(1), rs.getLong(2)));
        return out;
    }

    /** Name, county and state of the youth records with these numbers, deleted ones included. */
    Map<Long, YouthRef> youth(Connection c, Collection<Long> ids) throws SQLException {
        Map<Long, YouthRef> out = new HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            Jdbc.each(c, "SELECT ID, NAME, COUNTY_ID, DELETED_AT FROM EMP_YOUTH WHERE ID IN ("
                    + placeholders(chunk.size()) + ")", new ArrayList<>(chunk), rs -> out.put(rs.getLong(1),
                            new YouthRef(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getTimestamp(4) != null)));
        }
        return out;
    }

    private Optional<RefreshConfirmation> header(ResultSet rs) throws SQLException {
        Optional<RefreshPeriod> period = Enums.parse(RefreshPeriod.class, rs.getString("PERIOD"));
        if (period.isEmpty()) {
            return Optional.empty();
        }
        Instant at = rs.getTimestamp("CONFIRMED_AT").toInstant();
        return Optional.of(new RefreshConfirmation(rs.getLong("ID"), rs.getLong("COUNTY_ID"),
                new RefreshWindow(rs.getInt("REFRESH_YEAR"), period.get()), rs.getInt("VERSION"), at,
                RefreshConfirmation.day(at, zone), rs.getLong("CONFIRMED_BY"), rs.getString("CONFIRMED_BY_NAME"),
                rs.getInt("TOTAL_COUNT"), rs.getInt("JOB_SEEKING_COUNT"), rs.getInt("ENTREPRENEUR_COUNT")));
    }

    private static Optional<RefreshItem> item(ResultSet rs) throws SQLException {
        Optional<YouthType> type = Enums.parse(YouthType.class, rs.getString(2));
        Optional<Education> education = Enums.parse(Education.class, rs.getString(3));
        if (type.isEmpty() || education.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RefreshItem(rs.getLong(1), type.get(), education.get(), rs.getString(4),
                rs.getDate(5).toLocalDate(), RefreshItem.parseNeeds(rs.getString(6))));
    }
}
