package org.jixiao.project.prevention.internal.statistics;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.register.Field;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.Scope;
import org.jixiao.project.prevention.internal.Roles;
import org.jixiao.project.prevention.internal.youth.YouthRegister;

/**
 * Step 4's analysis and report (POLICY.md section 4): the city's prevention office analyses, with the police and the
 * courts, the year's offending by youth against last year and against the key youth registered, and reports it with
 * proposals for next year to the city leader in charge. The text is a city record of {@code reports} (one per year);
 * the figures are the crime statistics' and the register's, counts only (no person).
 */
public final class AnnualReport {

    public static final String REPORTS = "reports";
    public static final String ANALYSES = "analyses";

    private AnnualReport() {
    }

    public static RegisterDefinition definition() {
        return RegisterDefinition.builder(REPORTS, "PRV_REPORT").messages("annualReport").scope(Scope.CITY)
                .field(Field.integer("year").withColumn("REPORT_YEAR").withRange(2013, 2100).required()
                        .with(Field.Flag.TITLE, Field.Flag.LISTED, Field.Flag.SORTABLE))
                .field(Field.text("leader", 50).required().with(Field.Flag.LISTED, Field.Flag.HELP))
                .field(Field.longText("causes", 4000).required())
                .field(Field.longText("measures", 4000).required())
                .field(Field.longText("proposals", 4000).required())
                .key("year").writers(Roles.PREVENTION_OFFICE).page("annual-report", "annualReport.print").build();
    }

    /**
     * The member units' own yearly analysis (审查、分析原因、提出对策): each member unit of a county, or a city
     * department, states the causes it sees and the measures it proposes, once a year; the report gathers them.
     */
    public static RegisterDefinition analyses() {
        return RegisterDefinition.builder(ANALYSES, "PRV_ANALYSIS").messages("analysis")
                .field(Field.integer("year").withColumn("ANALYSIS_YEAR").withRange(2013, 2100).required()
                        .with(Field.Flag.TITLE, Field.Flag.LISTED, Field.Flag.FILTER, Field.Flag.SORTABLE))
                .field(Field.choice("memberUnit", YouthRegister.MemberUnit.class).required().with(Field.Flag.LISTED,
                        Field.Flag.FILTER))
                .field(Field.longText("causes", 4000).required())
                .field(Field.longText("measures", 4000).required())
                .key("year", "memberUnit").writers(Roles.MEMBER_UNIT, Roles.PREVENTION_OFFICE).build();
    }

    /** One member unit's analysis of the year, with the unit that wrote it. */
    public record Analysis(long unitId, String memberUnit, String causes, String measures) {
    }

    public static List<Analysis> analyses(Connection c, int year) throws SQLException {
        List<Analysis> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT UNIT_ID, MEMBER_UNIT, CAUSES, MEASURES FROM "
                + "PRV_ANALYSIS WHERE DELETED_AT IS NULL AND ANALYSIS_YEAR = ? ORDER BY UNIT_ID, MEMBER_UNIT")) {
            ps.setInt(1, year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Analysis(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return out;
    }

    /** One source's and category's offenders under 25 and minors, this year and last. */
    public record Figure(String source, String category, long under25, long under25Before, long minors,
            long minorsBefore) {
    }

    /** The year's report text, or null when the city has not written it. */
    public record Text(String leader, String causes, String measures, String proposals) {
    }

    /** The key youth of the city registered by the end of the year, and how many of them offended in it. */
    public record Youth(long registered, long offended) {
    }

    public static List<Figure> figures(Connection c, int year) throws SQLException {
        Map<String, long[]> sums = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT SOURCE, OFFENCE_CATEGORY, STAT_YEAR, SUM(UNDER25), "
                + "SUM(MINORS) FROM PRV_CRIME_STAT WHERE DELETED_AT IS NULL AND STAT_YEAR IN (?, ?) "
                + "GROUP BY SOURCE, OFFENCE_CATEGORY, STAT_YEAR ORDER BY SOURCE, OFFENCE_CATEGORY")) {
            ps.setInt(1, year);
            ps.setInt(2, year - 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[] s = sums.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2), k -> new long[4]);
                    int at = rs.getInt(3) == year ? 0 : 1;
                    s[at] = rs.getLong(4);
                    s[at + 2] = rs.getLong(5);
                }
            }
        }
        List<Figure> out = new ArrayList<>();
        sums.forEach((k, s) -> out.add(new Figure(k.substring(0, k.indexOf('/')), k.substring(k.indexOf('/') + 1),
                s[0], s[1], s[2], s[3])));
        return out;
    }

    public static Text text(Connection c, int year) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT LEADER, CAUSES, MEASURES, PROPOSALS FROM PRV_REPORT "
                + "WHERE DELETED_AT IS NULL AND REPORT_YEAR = ?")) {
            ps.setInt(1, year);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Text(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))
                        : null;
            }
        }
    }

    /** Counts over every county: an offence as a minor (sealed) counts too, since a count names no one. */
    public static Youth youth(Connection c, int year) throws SQLException {
        LocalDate end = LocalDate.of(year, 12, 31);
        try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT COUNT(*) FROM PRV_YOUTH WHERE DELETED_AT IS "
                + "NULL AND REGISTERED_ON <= ?), (SELECT COUNT(DISTINCT O.PARENT_ID) FROM PRV_OFFENCE O JOIN "
                + "PRV_YOUTH Y ON Y.ID = O.PARENT_ID WHERE O.DELETED_AT IS NULL AND Y.DELETED_AT IS NULL AND "
                + "O.COMMITTED_ON BETWEEN ? AND ?) FROM SYSIBM.SYSDUMMY1")) {
            ps.setDate(1, Date.valueOf(end));
            ps.setDate(2, Date.valueOf(LocalDate.of(year, 1, 1)));
            ps.setDate(3, Date.valueOf(end));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Youth(rs.getLong(1), rs.getLong(2));
            }
        }
    }
}
