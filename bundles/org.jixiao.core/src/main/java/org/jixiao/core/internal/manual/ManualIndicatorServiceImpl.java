package org.jixiao.core.internal.manual;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.EvidenceFile;
import org.jixiao.api.performance.ManualAnswer;
import org.jixiao.api.performance.ManualIndicator;
import org.jixiao.api.performance.ManualIndicatorDraft;
import org.jixiao.api.performance.ManualIndicatorService;
import org.jixiao.api.web.FileTypes;
import org.jixiao.api.performance.PerformanceCycle;
import org.jixiao.api.performance.PerformanceYear;
import org.jixiao.api.performance.Step;
import org.jixiao.api.performance.TargetKind;
import org.jixiao.api.performance.TargetRule;
import org.jixiao.api.store.Store;
import org.jixiao.core.internal.audit.AuditRecords;
import org.jixiao.core.internal.schema.CoreSchema;
import org.jixiao.core.internal.schema.NodeFiles;
import org.jixiao.core.internal.performance.UnitYearService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Manual indicators in JX_MANUAL_INDICATOR, their answers in JX_MANUAL_ANSWER and evidence files in
 * JX_EVIDENCE_FILE with their contents in {@link EvidenceStore}. City indicators reach the target tables and the
 * evaluation through {@link CityIndicators}; local ones are read only here.
 *
 * <p>Every check is made before anything is written; every change is audited in its own transaction. Notes may
 * name people, so the audit trail keeps their size only.
 */
@Component(service = ManualIndicatorService.class)
public final class ManualIndicatorServiceImpl extends UnitYearService implements ManualIndicatorService {

    static final BigDecimal VALUE_MAX = BigDecimal.TEN.pow(12);
    static final int VALUE_SCALE_MAX = 4;
    static final BigDecimal PERCENT_MAX = BigDecimal.valueOf(100);
    /** Bytes looked at to tell whether a file's content fits its extension. */
    static final int HEAD = 512;

    /** What one unit may keep in evidence files that are not removed. */
    static final long UNIT_BYTES_MAX = 500L * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(ManualIndicatorServiceImpl.class.getName());

    private final EvidenceStore evidence;
    /** {@link #UNIT_BYTES_MAX}; tests lower it. */
    long unitBytesMax = UNIT_BYTES_MAX;

    @Activate
    public ManualIndicatorServiceImpl(@Reference Store store, @Reference CoreSchema schema,
            @Reference OrgUnitService orgUnits, @Reference PerformanceCycle cycle) {
        this(store, orgUnits, cycle, new EvidenceStore(NodeFiles.dataDirectory(System::getProperty)
                .resolve("evidence")), nodeClock());
    }

    ManualIndicatorServiceImpl(Store store, OrgUnitService orgUnits, PerformanceCycle cycle, EvidenceStore evidence,
            Clock clock) {
        super(store, orgUnits, cycle, clock);
        this.evidence = Objects.requireNonNull(evidence, "evidence");
    }

    // ---------------------------------------------------------------- definitions

    @Override
    public List<ManualIndicator> cityIndicators(Actor actor, int year) {
        Objects.requireNonNull(actor, "actor");
        scope.requireOpen(year);
        return store.read(c -> ManualRepository.cityIndicators(c, year, locale(actor)));
    }

    @Override
    public ManualIndicator defineCity(Actor actor, int year, ManualIndicatorDraft draft) {
        requireCitySetter(actor);
        synchronized (writeLock) {
            scope.requireOpen(year);
            ValidationException.Collector errors = new ValidationException.Collector();
            ManualIndicatorDraft d = clean(draft, false, errors);
            requireCityDefinable(year, errors);
            errors.throwIfAny();
            long id = store.inTransaction(c -> {
                long created = ManualRepository.insertIndicator(c, year, actor.orgUnit().id(), false, d,
                        clock.instant(), actor.username());
                AuditRecords.insert(c, clock.instant(), actor, "manual.define", target(created),
                        "city; year=" + year + "; " + describe(d.rule()), null);
                return created;
            });
            return find(id, actor);
        }
    }

    @Override
    public List<ManualIndicator> localIndicators(Actor actor, int year, long orgUnitId) {
        Objects.requireNonNull(actor, "actor");
        scope.evaluatedUnit(actor, orgUnitId);
        scope.requireOpen(year);
        return store.read(c -> ManualRepository.indicators(c, year, orgUnitId, true, locale(actor)));
    }

    @Override
    public ManualIndicator defineLocal(Actor actor, int year, long orgUnitId, ManualIndicatorDraft draft) {
        Objects.requireNonNull(actor, "actor");
        scope.evaluatedUnit(actor, orgUnitId);
        PerformanceYear y = scope.requireOpen(year);
        requireLocalSetter(actor);
        synchronized (writeLock) {
            ValidationException.Collector errors = new ValidationException.Collector();
            ManualIndicatorDraft d = clean(draft, true, errors);
            if (y.step() == Step.PUBLISHED) {
                errors.add("year", "manual.published");
            }
            errors.throwIfAny();
            long id = store.inTransaction(c -> {
                long created = ManualRepository.insertIndicator(c, year, orgUnitId, true, d, clock.instant(),
                        actor.username());
                AuditRecords.insert(c, clock.instant(), actor, "manual.define", target(created),
                        "local; year=" + year + "; unit=" + orgUnitId + "; " + describe(d.rule()), null);
                return created;
            });
            return find(id, actor);
        }
    }

    @Override
    public ManualIndicator changeLocal(Actor actor, long indicatorId, ManualIndicatorDraft draft) {
        Objects.requireNonNull(actor, "actor");
        ManualIndicator before = visibleIndicator(actor, indicatorId);
        if (!before.local()) {
            // City indicators are fixed once defined; their per-unit targets live in the target table.
            throw new AccessDeniedException("manual.change.city");
        }
        requireLocalSetter(actor);
        synchronized (writeLock) {
            ValidationException.Collector errors = new ValidationException.Collector();
            ManualIndicatorDraft d = clean(draft, true, errors);
            requireLocalEditable(before, errors);
            errors.throwIfAny();
            store.inTransaction(c -> {
                ManualRepository.updateIndicator(c, indicatorId, d);
                AuditRecords.insert(c, clock.instant(), actor, "manual.change", target(indicatorId),
                        "before=" + describe(before.rule()) + "; after=" + describe(d.rule()), null);
                return null;
            });
            return find(indicatorId, actor);
        }
    }

    @Override
    public void withdraw(Actor actor, long indicatorId) {
        Objects.requireNonNull(actor, "actor");
        ManualIndicator indicator = visibleIndicator(actor, indicatorId);
        synchronized (writeLock) {
            ValidationException.Collector errors = new ValidationException.Collector();
            if (indicator.local()) {
                requireLocalSetter(actor);
                requireLocalEditable(indicator, errors);
            } else {
                requireCitySetter(actor);
                requireCityDefinable(indicator.year(), errors);
            }
            errors.throwIfAny();
            store.inTransaction(c -> {
                ManualRepository.withdraw(c, indicatorId, clock.instant(), actor.username());
                AuditRecords.insert(c, clock.instant(), actor, "manual.withdraw", target(indicatorId),
                        indicator.local() ? "local" : "city", null);
                return null;
            });
        }
    }

    // ---------------------------------------------------------------- answers

    @Override
    public List<ManualAnswer> answers(Actor actor, int year, long orgUnitId) {
        Objects.requireNonNull(actor, "actor");
        scope.evaluatedUnit(actor, orgUnitId);
        scope.requireOpen(year);
        Locale locale = locale(actor);
        return store.read(c -> {
            List<ManualIndicator> all = new ArrayList<>(ManualRepository.cityIndicators(c, year, locale));
            all.addAll(ManualRepository.indicators(c, year, orgUnitId, true, locale));
            Map<Long, ManualRepository.AnswerRow> answers = ManualRepository.answers(c, year, orgUnitId);
            Map<Long, List<EvidenceFile>> files = ManualRepository.files(c, year, orgUnitId);
            List<ManualAnswer> out = new ArrayList<>();
            for (ManualIndicator i : all) {
                if (i.withdrawn()) {
                    continue;
                }
                ManualRepository.AnswerRow a = answers.get(i.id());
                out.add(new ManualAnswer(i.id(), orgUnitId, a == null ? null : a.value(), a == null ? null : a.note(),
                        a == null ? null : a.updatedAt(), a == null ? null : a.updatedBy(),
                        files.getOrDefault(i.id(), List.of())));
            }
            return out;
        });
    }

    @Override
    public ManualAnswer answer(Actor actor, long indicatorId, long orgUnitId, BigDecimal value, String note) {
        Objects.requireNonNull(actor, "actor");
        ManualIndicator indicator = answerable(actor, indicatorId, orgUnitId);
        synchronized (writeLock) {
            ValidationException.Collector errors = new ValidationException.Collector();
            if (value != null) {
                validateValue(indicator.rule().kind(), value, "value", errors);
            }
            String n = note == null || note.isBlank() ? null : note.strip();
            if (n != null && n.length() > NOTE_MAX) {
                errors.add("note", "manual.note.tooLong");
            }
            requireAnswering(indicator, errors);
            errors.throwIfAny();
            BigDecimal v = value == null ? null : ManualRepository.normal(value);
            store.inTransaction(c -> {
                ManualRepository.AnswerRow before = ManualRepository.answer(c, indicatorId, orgUnitId);
                ManualRepository.saveAnswer(c, indicatorId, orgUnitId, v, n, clock.instant(), actor.username());
                replicate(c, "JX_MANUAL_ANSWER", Map.of("INDICATOR_ID", indicatorId, "ORG_UNIT_ID", orgUnitId));
                AuditRecords.insert(c, clock.instant(), actor, "manual.answer", answerTarget(indicatorId, orgUnitId),
                        "before=" + (before == null || before.value() == null ? "none" : before.value().toPlainString())
                                + "; after=" + (v == null ? "none" : v.toPlainString()) + "; note="
                                + (n == null ? 0 : n.length()) + " chars", null);
                return null;
            });
        }
        return answerOf(actor, indicator, orgUnitId);
    }

    // ---------------------------------------------------------------- evidence files

    @Override
    public EvidenceFile attach(Actor actor, long indicatorId, long orgUnitId, String fileName, InputStream content)
            throws IOException {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(content, "content");
        ManualIndicator indicator = answerable(actor, indicatorId, orgUnitId);
        ValidationException.Collector errors = new ValidationException.Collector();
        String name = FileTypes.cleanName(fileName);
        String extension = null;
        if (name == null) {
            errors.add("file", "manual.file.required");
        } else if (name.length() > FILE_NAME_MAX) {
            errors.add("file", "manual.file.nameTooLong");
        } else {
            extension = FileTypes.extension(name, FileTypes.DOCUMENTS);
            if (extension == null) {
                errors.add("file", "manual.file.type");
            }
        }
        requireAnswering(indicator, errors);
        errors.throwIfAny();
        byte[] head = content.readNBytes(HEAD);
        if (head.length == 0) {
            throw ValidationException.of("file", "manual.file.empty");
        }
        if (!FileTypes.contentFits(extension, head)) {
            throw ValidationException.of("file", "manual.file.content");
        }
        EvidenceStore.Content stored;
        try {
            stored = evidence.put(new SequenceInputStream(new ByteArrayInputStream(head), content), FILE_SIZE_MAX);
        } catch (EvidenceStore.TooLarge e) {
            throw ValidationException.of("file", "manual.file.tooLarge");
        }
        String type = FileTypes.contentType(extension);
        synchronized (writeLock) {
            long id;
            try {
                ValidationException.Collector late = new ValidationException.Collector();
                requireAnswering(indicator, late);
                late.throwIfAny();
                id = store.inTransaction(c -> {
                    if (ManualRepository.countFiles(c, indicatorId, orgUnitId) >= FILES_MAX) {
                        throw ValidationException.of("file", "manual.file.tooMany");
                    }
                    if (ManualRepository.unitBytes(c, orgUnitId) + stored.size() > unitBytesMax) {
                        throw ValidationException.of("file", "manual.file.quota");
                    }
                    long created = ManualRepository.insertFile(c, indicatorId, orgUnitId, name, type, stored.size(),
                            stored.sha256(), clock.instant(), actor.username());
                    AuditRecords.insert(c, clock.instant(), actor, "evidence.attach", "evidence:" + created,
                            answerTarget(indicatorId, orgUnitId) + "; size=" + stored.size() + "; sha256="
                                    + stored.sha256(), null);
                    return created;
                });
            } catch (RuntimeException e) {
                // A refused upload leaves no bytes behind, unless a kept file has the same content.
                settle(stored.sha256(), true);
                throw e;
            }
            settle(stored.sha256(), true);
            return store.read(c -> ManualRepository.findFile(c, id)).file();
        }
    }

    /** Deletes a content that no kept file and no upload under way holds. */
    private void settle(String sha256, boolean put) throws IOException {
        evidence.settle(sha256, put, () -> store.read(c -> ManualRepository.liveFiles(c, sha256)) > 0);
    }

    @Override
    public Evidence open(Actor actor, long fileId) throws IOException {
        Objects.requireNonNull(actor, "actor");
        ManualRepository.FileRow row = visibleFile(actor, fileId);
        InputStream in = evidence.open(row.file().sha256());
        try {
            store.inTransaction(c -> {
                AuditRecords.insert(c, clock.instant(), actor, "evidence.read", "evidence:" + fileId,
                        answerTarget(row.indicatorId(), row.orgUnitId()), null);
                return null;
            });
        } catch (RuntimeException e) {
            // No audit line, no content.
            in.close();
            throw e;
        }
        return new Evidence(row.file(), in);
    }

    @Override
    public void remove(Actor actor, long fileId) {
        Objects.requireNonNull(actor, "actor");
        ManualRepository.FileRow row = visibleFile(actor, fileId);
        ManualIndicator indicator = answerable(actor, row.indicatorId(), row.orgUnitId());
        synchronized (writeLock) {
            ValidationException.Collector errors = new ValidationException.Collector();
            requireAnswering(indicator, errors);
            errors.throwIfAny();
            store.inTransaction(c -> {
                ManualRepository.removeFile(c, fileId, clock.instant(), actor.username());
                AuditRecords.insert(c, clock.instant(), actor, "evidence.remove", "evidence:" + fileId,
                        answerTarget(row.indicatorId(), row.orgUnitId()), null);
                return null;
            });
            try {
                settle(row.file().sha256(), false);
            } catch (IOException e) {
                // The row is removed and the file unreachable; the bytes stay until removed by hand.
                LOG.warning("evidence content of file " + fileId + " not deleted: " + e);
            }
        }
    }

    // ---------------------------------------------------------------- rules

    /** City departments work at the city level; target setters and approvers define the city's indicators. */
    private static void requireCitySetter(Actor actor) {
        if (actor == null || !(actor.has(Role.TARGET_SETTER) || actor.has(Role.TARGET_APPROVER))
                || actor.orgUnit() == null || actor.orgUnit().parentId() != null) {
            throw new AccessDeniedException("manual.define.city");
        }
    }

    private static void requireLocalSetter(Actor actor) {
        if (!(actor.has(Role.ADMIN) || actor.has(Role.TARGET_SETTER))) {
            throw new AccessDeniedException("manual.define.local");
        }
    }

    /** A city indicator joins every target table, so it may come and go only while targets may be set. */
    private void requireCityDefinable(int year, ValidationException.Collector errors) {
        if (store.read(c -> ManualRepository.targetsApproved(c, year))) {
            errors.add("year", "target.locked");
            return;
        }
        cycle.lock(year, Step.TARGET_SETTING, LocalDate.now(clock)).ifPresent(l -> errors.add("year", l.reasonKey()));
    }

    private void requireLocalEditable(ManualIndicator indicator, ValidationException.Collector errors) {
        if (indicator.withdrawn()) {
            errors.add("indicator", "manual.withdrawn");
        } else if (scope.requireOpen(indicator.year()).step() == Step.PUBLISHED) {
            errors.add("year", "manual.published");
        }
    }

    /**
     * City indicators are answered until the comprehensive evaluation starts, when its inputs are fixed; local
     * ones until the year is published.
     */
    private void requireAnswering(ManualIndicator indicator, ValidationException.Collector errors) {
        if (indicator.withdrawn()) {
            errors.add("indicator", "manual.withdrawn");
            return;
        }
        Step step = scope.requireOpen(indicator.year()).step();
        if (step == Step.PUBLISHED) {
            errors.add("year", "manual.published");
        } else if (!indicator.local() && step.ordinal() >= Step.COMPREHENSIVE_EVALUATION.ordinal()) {
            errors.add("year", "manual.answer.closed");
        }
    }

    /** The indicator when the unit may answer it: a city one, or the unit's own local one; staff only. */
    private ManualIndicator answerable(Actor actor, long indicatorId, long orgUnitId) {
        scope.evaluatedUnit(actor, orgUnitId);
        ManualIndicator indicator = store.read(c -> ManualRepository.findIndicator(c, indicatorId, locale(actor)));
        if (indicator == null || (indicator.local() && indicator.ownerOrgUnitId() != orgUnitId)) {
            throw new NotFoundException(target(indicatorId));
        }
        if (!actor.canWrite()) {
            throw new AccessDeniedException("manual.answer");
        }
        return indicator;
    }

    /** A city indicator, or a local one whose unit the actor sees; 404 otherwise, revealing nothing. */
    private ManualIndicator visibleIndicator(Actor actor, long indicatorId) {
        ManualIndicator indicator = store.read(c -> ManualRepository.findIndicator(c, indicatorId, locale(actor)));
        if (indicator == null) {
            throw new NotFoundException(target(indicatorId));
        }
        if (indicator.local()) {
            scope.evaluatedUnit(actor, indicator.ownerOrgUnitId());
        }
        return indicator;
    }

    private ManualRepository.FileRow visibleFile(Actor actor, long fileId) {
        ManualRepository.FileRow row = store.read(c -> ManualRepository.findFile(c, fileId));
        if (row == null || row.removedAt() != null
                || orgUnits.findVisible(actor, row.orgUnitId()).isEmpty()) {
            throw new NotFoundException("evidence:" + fileId);
        }
        return row;
    }

    /** The draft stripped and checked; errors under the form's field names. */
    static ManualIndicatorDraft clean(ManualIndicatorDraft d, boolean local, ValidationException.Collector errors) {
        if (d == null) {
            errors.add("nameZh", "manual.name.required");
            return null;
        }
        String nameZh = checked(errors, "nameZh", d.nameZh(), true, NAME_MAX, "manual.name");
        String nameEn = checked(errors, "nameEn", d.nameEn(), false, NAME_MAX, "manual.name");
        String unitZh = checked(errors, "unitZh", d.unitZh(), true, UNIT_MAX, "manual.unit");
        String unitEn = checked(errors, "unitEn", d.unitEn(), false, UNIT_MAX, "manual.unit");
        String clause = text(d.clause());
        if (clause == null && !local) {
            // A city indicator binds every unit; it must say where it comes from, as the projects' do.
            errors.add("clause", "manual.clause.required");
        } else if (clause != null && clause.length() > CLAUSE_MAX) {
            errors.add("clause", "manual.clause.tooLong");
        }
        TargetRule rule = d.rule();
        if (rule == null) {
            errors.add("value", "target.value.invalid");
        } else {
            if (local && rule.kind() == TargetKind.BASELINE_RELATIVE) {
                // A local indicator has no approved actual of last year to grow from.
                errors.add("kind", "manual.kind.baseline");
            }
            validateValue(rule.kind(), rule.value(), "value", errors);
        }
        if (errors.has("nameZh") || errors.has("nameEn") || errors.has("unitZh") || errors.has("unitEn")
                || errors.has("clause") || errors.has("value") || errors.has("kind")) {
            return null;
        }
        return new ManualIndicatorDraft(nameZh, nameEn, unitZh, unitEn, clause,
                new TargetRule(rule.kind(), rule.comparison(), ManualRepository.normal(rule.value())));
    }

    static void validateValue(TargetKind kind, BigDecimal v, String field, ValidationException.Collector errors) {
        if (v.signum() < 0 || v.compareTo(VALUE_MAX) > 0 || v.stripTrailingZeros().scale() > VALUE_SCALE_MAX) {
            errors.add(field, "target.value.invalid");
        } else if ((kind == TargetKind.SHARE || kind == TargetKind.RATE) && v.compareTo(PERCENT_MAX) > 0) {
            errors.add(field, "target.value.percent");
        }
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private ManualIndicator find(long id, Actor actor) {
        return store.read(c -> ManualRepository.findIndicator(c, id, locale(actor)));
    }

    private ManualAnswer answerOf(Actor actor, ManualIndicator indicator, long orgUnitId) {
        return answers(actor, indicator.year(), orgUnitId).stream().filter(a -> a.indicatorId() == indicator.id())
                .findFirst().orElseThrow(() -> new NotFoundException(target(indicator.id())));
    }

    private static Locale locale(Actor actor) {
        return actor.locale() == null ? Locale.ROOT : actor.locale();
    }

    static String target(long indicatorId) {
        return "manual:" + indicatorId;
    }

    private static String answerTarget(long indicatorId, long orgUnitId) {
        return "manual:" + indicatorId + ":" + orgUnitId;
    }

    private static String describe(TargetRule r) {
        return r.kind().name() + " " + r.comparison().symbol() + " " + r.value().toPlainString();
    }

    /** The text as stored; adds {@code key}.required when a required one is blank, {@code key}.tooLong past max. */
    private static String checked(ValidationException.Collector errors, String field, String value, boolean required,
            int max, String key) {
        String t = text(value);
        if (t == null) {
            if (required) {
                errors.add(field, key + ".required");
            }
        } else if (t.length() > max) {
            errors.add(field, key + ".tooLong");
        }
        return t;
    }

}
