package org.jixiao.api.register;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One register of a key project, as data: built once with {@link #builder} and returned by
 * {@link org.jixiao.api.project.KeyProject#registers()}. The engine serves it at {@code /p/<project>/<id>} and
 * {@code /api/v1/p/<project>/<id>}.
 *
 * @param id            the path segment, lower case letters, digits and dashes, stable forever
 * @param messagePrefix the prefix of its messages: {@code <prefix>.title} names the register, fields follow
 *                      {@link Field}
 * @param table         its table, created by the project's migration (see the package documentation)
 * @param unitColumn    the column naming the record's evaluated unit
 * @param scope         who reaches a record
 * @param sensitive     every read, list reads included, is audited with the records shown
 * @param fields        in form order
 * @param parent        the register whose records own this one's (a child register), or null
 * @param key           fields that identify a record for duplicates (an import skips and reports a row whose key
 *                      a live record of the same unit already has); empty for none. A resident-ID field compares by
 *                      its keyed hash.
 * @param keyAcrossUnits whether the key is unique across every unit (one record per person in the whole city)
 *                      rather than within the record's unit
 * @param day           the date field that places a record in a year (filters by year, indicators), or null
 * @param workflow      the states and steps, or null
 * @param aggregates    the indicators computed from this register
 * @param writeRoles    roles that may create, edit and delete (core role names such as {@code STAFF} or a project's
 *                      roles)
 * @param readRoles     roles that may read; empty: any role
 * @param offices       for {@link Scope#NEED_TO_KNOW}: roles whose holders at the record's unit (or above) may read
 *                      besides the assignees
 * @param publicView    a page without login, or null
 * @param hooks         rules and derived rows beyond the fields
 * @param pages         the project's own pages about this register (statistics, a refresh, reports), linked from its
 *                      list
 * @param breakGlass    for {@link Scope#NEED_TO_KNOW}: an office reads the records of its own unit only; a holder of
 *                      an office above it (the city) lists none of them and reads a named one only with a stated
 *                      reason ({@link RegisterService#breakGlass}), which the record's own office sees in its access
 *                      log. The register's children follow it. (since 1.3)
 * @param sealedBy      a boolean field that seals its record when true (a minor's criminal record, Criminal Procedure
 *                      Law art. 286): no list shows it and no one reads it, offices included, unless a reason was
 *                      given and a second holder of an office approved it ({@link RegisterService#requestUnseal});
 *                      or null. (since 1.3)
 */
public record RegisterDefinition(String id, String messagePrefix, String table, String unitColumn, Scope scope,
        boolean sensitive, List<Field> fields, String parent, List<String> key, boolean keyAcrossUnits, String day,
        Workflow workflow,
        List<Aggregate> aggregates, Set<String> writeRoles, Set<String> readRoles, Set<String> offices,
        PublicView publicView, RegisterHooks hooks, List<PageLink> pages, boolean breakGlass, String sealedBy) {

    /** A definition without break-glass reading or sealing, as before 1.3. */
    public RegisterDefinition(String id, String messagePrefix, String table, String unitColumn, Scope scope,
            boolean sensitive, List<Field> fields, String parent, List<String> key, boolean keyAcrossUnits,
            String day, Workflow workflow, List<Aggregate> aggregates, Set<String> writeRoles, Set<String> readRoles,
            Set<String> offices, PublicView publicView, RegisterHooks hooks, List<PageLink> pages) {
        this(id, messagePrefix, table, unitColumn, scope, sensitive, fields, parent, key, keyAcrossUnits, day,
                workflow, aggregates, writeRoles, readRoles, offices, publicView, hooks, pages, false, null);
    }

    /**
     * A link to a page of the project's own, below the project's root.
     *
     * @param path     such as {@code youth/stats}
     * @param labelKey its label in the project's messages
     */
    public record PageLink(String path, String labelKey) {
        public PageLink {
            if (path == null || !path.matches("[a-z0-9][a-z0-9/_-]*")) {
                throw new IllegalArgumentException("not a plain path below the project: " + path);
            }
            java.util.Objects.requireNonNull(labelKey);
        }
    }

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern SQL_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,59}");

    /** The roles that write when a definition names none: the core's staff and admins. */
    public static final Set<String> DEFAULT_WRITERS = Set.of("STAFF", "ADMIN");

    public RegisterDefinition {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("register id must be lower case letters, digits and dashes: " + id);
        }
        Objects.requireNonNull(messagePrefix, "messagePrefix");
        for (String sql : List.of(table, unitColumn)) {
            // Names go into SQL text: only plain upper-case identifiers, never anything from input.
            if (sql == null || !SQL_NAME.matcher(sql).matches()) {
                throw new IllegalArgumentException("not a plain upper-case SQL name: " + sql);
            }
        }
        fields = List.copyOf(fields);
        key = key == null ? List.of() : List.copyOf(key);
        aggregates = aggregates == null ? List.of() : List.copyOf(aggregates);
        writeRoles = writeRoles == null || writeRoles.isEmpty() ? DEFAULT_WRITERS : Set.copyOf(writeRoles);
        readRoles = readRoles == null ? Set.of() : Set.copyOf(readRoles);
        offices = offices == null ? Set.of() : Set.copyOf(offices);
        hooks = hooks == null ? RegisterHooks.NONE : hooks;
        scope = scope == null ? Scope.UNIT : scope;
        pages = pages == null ? List.of() : List.copyOf(pages);
        Set<String> names = new LinkedHashSet<>();
        Set<String> columns = new LinkedHashSet<>();
        for (Field f : fields) {
            if (!names.add(f.name()) || !columns.add(f.column())) {
                throw new IllegalArgumentException(id + ": field " + f.name() + " or its column is declared twice");
            }
            if (!SQL_NAME.matcher(f.column()).matches()) {
                throw new IllegalArgumentException(id + ": not a plain upper-case SQL name: " + f.column());
            }
        }
        for (String k : key) {
            require(names, k, "key");
        }
        if (day != null) {
            require(names, day, "day");
        }
        for (Aggregate a : aggregates) {
            if (a.field() != null) {
                require(names, a.field(), "aggregate field");
            }
            if (a.day() != null) {
                require(names, a.day(), "aggregate day");
            }
        }
        if (workflow != null) {
            for (Transition t : workflow.transitions()) {
                t.fields().forEach(f -> require(names, f, "transition field"));
            }
        }
        if (publicView != null) {
            publicView.fields().forEach(f -> require(names, f, "public field"));
            // A page without a login never serves files: certificates and ID cards are what they would be.
            fields.stream().filter(f -> f.type() == FieldType.FILE && publicView.fields().contains(f.name()))
                    .findFirst().ifPresent(f -> {
                        throw new IllegalArgumentException(id + ": file field " + f.name() + " on a public page");
                    });
        }
        checkEncrypted(fields, aggregates, publicView);
        if (scope == Scope.NEED_TO_KNOW && fields.stream().noneMatch(f -> f.has(Field.Flag.ASSIGNEE))
                && offices.isEmpty()) {
            throw new IllegalArgumentException(id + ": a need-to-know register names assignees or offices");
        }
        if (breakGlass && (scope != Scope.NEED_TO_KNOW || offices.isEmpty())) {
            throw new IllegalArgumentException(id + ": break-glass reading is for a need-to-know register's offices");
        }
        if (sealedBy != null && fields.stream().noneMatch(f -> f.name().equals(sealedBy)
                && f.type() == FieldType.BOOLEAN)) {
            throw new IllegalArgumentException(id + ": sealed by " + sealedBy + ", not a boolean field");
        }
        if (sealedBy != null && offices.isEmpty()) {
            throw new IllegalArgumentException(id + ": a sealed register names the offices that approve an opening");
        }
    }

    /**
     * Refuses what an encrypted field cannot do, the database holding its ciphertext only: count an indicator by it,
     * select records by it for an indicator or a public page, or show it without a login.
     */
    private void checkEncrypted(List<Field> all, List<Aggregate> sums, PublicView view) {
        Set<String> encrypted = new LinkedHashSet<>();
        all.stream().filter(f -> f.has(Field.Flag.ENCRYPTED)).forEach(f -> encrypted.add(f.name()));
        if (encrypted.isEmpty()) {
            return;
        }
        List<String> used = new ArrayList<>();
        for (Aggregate a : sums) {
            used.add(a.field());
            for (Condition c : java.util.Arrays.asList(a.where(), a.of())) {
                if (c != null) {
                    c.clauses().forEach(x -> used.add(x.field()));
                }
            }
        }
        if (view != null) {
            used.addAll(view.fields());
            view.where().clauses().forEach(x -> used.add(x.field()));
        }
        used.stream().filter(encrypted::contains).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException(id + ": encrypted field " + name
                    + " in an indicator or a public page, which would need it in clear");
        });
    }

    private void require(Set<String> names, String name, String what) {
        if (!names.contains(name)) {
            throw new IllegalArgumentException(id + ": " + what + " " + name + " is not a field");
        }
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The field that names a record, or the first text field. */
    public Optional<Field> title() {
        return fields.stream().filter(f -> f.has(Field.Flag.TITLE)).findFirst()
                .or(() -> fields.stream().filter(f -> f.type() == FieldType.TEXT).findFirst());
    }

    public static Builder builder(String id, String table) {
        return new Builder(id, table);
    }

    /** Builds a definition; every setter returns the builder. */
    public static final class Builder {
        private final String id;
        private final String table;
        private String messagePrefix;
        private String unitColumn = "UNIT_ID";
        private Scope scope = Scope.UNIT;
        private boolean sensitive;
        private final List<Field> fields = new ArrayList<>();
        private String parent;
        private final List<String> key = new ArrayList<>();
        private boolean keyAcrossUnits;
        private String day;
        private Workflow workflow;
        private final List<Aggregate> aggregates = new ArrayList<>();
        private final Set<String> writeRoles = new LinkedHashSet<>();
        private final Set<String> readRoles = new LinkedHashSet<>();
        private final Set<String> offices = new LinkedHashSet<>();
        private PublicView publicView;
        private RegisterHooks hooks;
        private final List<PageLink> pages = new ArrayList<>();
        private boolean breakGlass;
        private String sealedBy;

        private Builder(String id, String table) {
            this.id = id;
            this.table = table.toUpperCase(Locale.ROOT);
            this.messagePrefix = id;
        }

        public Builder messages(String prefix) {
            this.messagePrefix = prefix;
            return this;
        }

        public Builder unitColumn(String column) {
            this.unitColumn = column.toUpperCase(Locale.ROOT);
            return this;
        }

        public Builder scope(Scope newScope) {
            this.scope = newScope;
            return this;
        }

        public Builder sensitive() {
            this.sensitive = true;
            return this;
        }

        public Builder field(Field field) {
            fields.add(field);
            return this;
        }

        public Builder parent(String register) {
            this.parent = register;
            return this;
        }

        public Builder key(String... names) {
            key.addAll(List.of(names));
            return this;
        }

        /** The key is unique in the whole node, not only within a unit. */
        public Builder keyAcrossUnits() {
            this.keyAcrossUnits = true;
            return this;
        }

        public Builder day(String field) {
            this.day = field;
            return this;
        }

        public Builder workflow(Workflow w) {
            this.workflow = w;
            return this;
        }

        public Builder aggregate(Aggregate a) {
            aggregates.add(a);
            return this;
        }

        public Builder writers(String... roles) {
            writeRoles.addAll(List.of(roles));
            return this;
        }

        public Builder readers(String... roles) {
            readRoles.addAll(List.of(roles));
            return this;
        }

        public Builder offices(String... roles) {
            offices.addAll(List.of(roles));
            return this;
        }

        public Builder publicView(PublicView view) {
            this.publicView = view;
            return this;
        }

        public Builder hooks(RegisterHooks h) {
            this.hooks = h;
            return this;
        }

        /** A page of the project's own about this register, linked from the list. */
        public Builder page(String path, String labelKey) {
            pages.add(new PageLink(path, labelKey));
            return this;
        }

        /**
         * An office above the record's unit reads a named record only with a stated reason.
         *
         * @since 1.3
         */
        public Builder breakGlass() {
            this.breakGlass = true;
            return this;
        }

        /**
         * A record whose boolean {@code field} is true is sealed.
         *
         * @since 1.3
         */
        public Builder sealedBy(String field) {
            this.sealedBy = field;
            return this;
        }

        public RegisterDefinition build() {
            return new RegisterDefinition(id, messagePrefix, table, unitColumn, scope, sensitive, fields, parent, key,
                    keyAcrossUnits, day, workflow, aggregates, writeRoles, readRoles, offices, publicView, hooks, pages,
                    breakGlass, sealedBy);
        }
    }
}
