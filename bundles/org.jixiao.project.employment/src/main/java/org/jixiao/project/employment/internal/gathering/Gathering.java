package org.jixiao.project.employment.internal.gathering;

import static org.jixiao.project.employment.internal.rules.Programme.EARLIEST;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jixiao.api.ValidationException;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.RecordChange;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterHooks;
import org.jixiao.api.store.Store;

/**
 * A dated gathering (a training session, a hometown event) and the people at it, kept as a child register: each
 * attendance carries its gathering's day in {@code HELD_DAY} so that the year's distinct people of a county are read
 * from the attendance table alone. The engine gives hooks no way to set a field, so the day is a column the hooks
 * keep in step rather than a field, and the year's count is read here rather than from running totals.
 *
 * @param parentTable the gatherings' table, whose {@code HELD_ON} is the day
 * @param childTable  the attendances' table, with {@code PARENT_ID}, {@code COUNTY_ID} and {@code HELD_DAY}
 * @param member      the attendance's field naming the person (a reference)
 * @param memberColumn its column
 * @param messages    the gatherings' message prefix: {@code <messages>.heldOn.tooEarly} refuses a day before the
 *                    programme, {@code <messages>.<member>.duplicate} the same person twice at one gathering
 */
public record Gathering(String parentTable, String childTable, String member, String memberColumn,
        String messages) {

    /**
     * The gatherings' register as far as every kind of gathering goes: in the county, the day first (listed, sorted,
     * a filter, and the day the record counts on), then the gathering's title, with the {@link #parentHooks}. The
     * caller adds the fields of its kind of gathering.
     *
     * @param title the title field's name
     */
    public RegisterDefinition.Builder gatherings(String id, String title) {
        return RegisterDefinition.builder(id, parentTable).messages(messages).unitColumn("COUNTY_ID")
                .field(Field.date("heldOn", Field.DateRule.NOT_FUTURE).required()
                        .with(Field.Flag.LISTED, Field.Flag.SORTABLE, Field.Flag.FILTER))
                .field(Field.text(title, 100).required().with(Field.Flag.TITLE, Field.Flag.LISTED,
                        Field.Flag.SEARCHABLE))
                .day("heldOn").hooks(parentHooks());
    }

    /**
     * The attendances' register: children of the gatherings' register {@code gatherings}, in its county, each naming
     * a record of {@code register} in the {@link #member} field, with the {@link #childHooks}.
     *
     * @param kind what an attendance is called: its messages are {@code <messages>.<kind>}
     */
    public RegisterDefinition.Builder attendances(String id, String gatherings, String kind, String register) {
        return RegisterDefinition.builder(id, childTable).messages(messages + "." + kind).unitColumn("COUNTY_ID")
                .parent(gatherings)
                .field(Field.reference(member, register).withColumn(memberColumn).required()
                        .with(Field.Flag.TITLE, Field.Flag.LISTED))
                .hooks(childHooks());
    }

    /** The gathering's hooks: a day from 2000 on, and a new day reaches its attendances. */
    public RegisterHooks parentHooks() {
        return new RegisterHooks() {
            @Override
            public void validate(RecordChange change, ValidationException.Collector errors) {
                if (change.values().get("heldOn") instanceof LocalDate d && d.isBefore(EARLIEST)
                        && !errors.has("heldOn")) {
                    errors.add("heldOn", messages + ".heldOn.tooEarly");
                }
            }

            @Override
            public void afterWrite(RecordChange change) throws SQLException {
                if (change.kind() == RecordChange.Kind.UPDATE) {
                    try (PreparedStatement ps = change.connection().prepareStatement("UPDATE " + childTable
                            + " SET HELD_DAY = ? WHERE PARENT_ID = ?")) {
                        ps.setDate(1, Date.valueOf((LocalDate) change.values().get("heldOn")));
                        ps.setLong(2, change.id());
                        ps.executeUpdate();
                    }
                }
            }
        };
    }

    /**
     * The attendance's hooks: a person attends a gathering once, and the attendance takes the gathering's day. The
     * engine hands a creation's hooks no parent, so this runs once the row (with its PARENT_ID) is written, inside
     * the same transaction: a refusal still leaves nothing behind.
     */
    public RegisterHooks childHooks() {
        return new RegisterHooks() {
            @Override
            public void afterWrite(RecordChange change) throws SQLException {
                if (change.kind() == RecordChange.Kind.DELETE) {
                    return;
                }
                try (PreparedStatement ps = change.connection().prepareStatement("SELECT COUNT(*) FROM " + childTable
                        + " A JOIN " + childTable + " B ON B.PARENT_ID = A.PARENT_ID AND B." + memberColumn + " = A."
                        + memberColumn + " WHERE A.ID = ? AND B.ID <> A.ID AND B.DELETED_AT IS NULL")) {
                    ps.setLong(1, change.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            throw ValidationException.of(member, messages + "." + member + ".duplicate");
                        }
                    }
                }
                try (PreparedStatement ps = change.connection().prepareStatement("UPDATE " + childTable
                        + " SET HELD_DAY = (SELECT P.HELD_ON FROM " + parentTable + " P WHERE P.ID = " + childTable
                        + ".PARENT_ID) WHERE ID = ?")) {
                    ps.setLong(1, change.id());
                    ps.executeUpdate();
                }
            }
        };
    }

    /**
     * Per unit (its own county only): the distinct values of {@code column} among the live attendances of
     * gatherings held from 1 January of {@code year} to min(asOf, 31 December).
     */
    public Map<Long, BigDecimal> distinct(Store store, String column, Collection<Long> orgUnitIds, int year,
            LocalDate asOf) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate day = asOf == null || asOf.isAfter(yearEnd) ? yearEnd : asOf;
        Set<Long> ids = new LinkedHashSet<>(orgUnitIds);
        ids.remove(null);
        Map<Long, BigDecimal> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Map<Long, Long> counts = store.read(c -> {
            Map<Long, Long> n = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNTY_ID, COUNT(DISTINCT " + column + ") FROM "
                    + childTable + " WHERE DELETED_AT IS NULL AND COUNTY_ID IN ("
                    + String.join(", ", Collections.nCopies(ids.size(), "?"))
                    + ") AND HELD_DAY >= ? AND HELD_DAY <= ? GROUP BY COUNTY_ID")) {
                int i = 1;
                for (Long id : ids) {
                    ps.setLong(i++, id);
                }
                ps.setDate(i++, Date.valueOf(LocalDate.of(year, 1, 1)));
                ps.setDate(i, Date.valueOf(day));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        n.put(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
            return n;
        });
        for (Long id : ids) {
            out.put(id, BigDecimal.valueOf(counts.getOrDefault(id, 0L)));
        }
        return out;
    }

    public Gathering {
        Objects.requireNonNull(parentTable);
        Objects.requireNonNull(childTable);
        Objects.requireNonNull(messages);
    }
}
