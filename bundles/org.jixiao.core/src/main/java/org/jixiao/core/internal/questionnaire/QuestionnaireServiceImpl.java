package org.jixiao.core.internal.questionnaire;

import static org.jixiao.core.internal.performance.UnitYearScope.atRoot;

import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.assessment.EvaluationService;
import org.jixiao.api.performance.PerformanceCycle;
import org.jixiao.api.questionnaire.AccessCode;
import org.jixiao.api.questionnaire.Campaign;
import org.jixiao.api.questionnaire.CampaignDraft;
import org.jixiao.api.questionnaire.CampaignState;
import org.jixiao.api.questionnaire.CategoryQuota;
import org.jixiao.api.questionnaire.Choice;
import org.jixiao.api.questionnaire.FreeText;
import org.jixiao.api.questionnaire.Item;
import org.jixiao.api.questionnaire.ItemKind;
import org.jixiao.api.questionnaire.Questionnaire;
import org.jixiao.api.questionnaire.QuestionnaireDraft;
import org.jixiao.api.questionnaire.QuestionnaireService;
import org.jixiao.api.questionnaire.RespondentCategory;
import org.jixiao.api.questionnaire.Section;
import org.jixiao.api.questionnaire.UnitScores;
import org.jixiao.api.questionnaire.UnitScores.Decision;
import org.jixiao.api.store.Store;
import org.jixiao.api.store.StoreException;
import org.jixiao.core.internal.audit.AuditRecords;
import org.jixiao.core.internal.org.OrgUnitServiceImpl;
import org.jixiao.core.internal.performance.UnitYearService;
import org.jixiao.core.internal.questionnaire.QuestionnaireRepository.CampaignRow;
import org.jixiao.core.internal.questionnaire.QuestionnaireRepository.CodeRow;
import org.jixiao.core.internal.questionnaire.QuestionnaireRepository.TextRow;
import org.jixiao.core.internal.schema.CoreSchema;
import org.jixiao.core.internal.schema.Jdbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Questionnaires in JX_QNR and its content tables, campaigns in JX_QNR_CAMPAIGN with their units, quotas and codes;
 * responses are written by {@link AnswerServiceImpl} and only read here. Closing a campaign, and deciding to USE a
 * unit below the minimum, enter scores through the {@link EvaluationService}, which references nothing of this
 * package (no DS cycle).
 *
 * <p>Every check is made before anything is written; every campaign action is audited in its own transaction, codes
 * by their count only; answers never.
 */
@Component(service = QuestionnaireService.class)
public final class QuestionnaireServiceImpl extends UnitYearService implements QuestionnaireService {

    private static final System.Logger LOG = System.getLogger(QuestionnaireServiceImpl.class.getName());

    static final BigDecimal WEIGHT_MAX = BigDecimal.valueOf(1000);
    static final int WEIGHT_SCALE_MAX = 4;
    static final BigDecimal POINTS_MAX = BigDecimal.valueOf(100);
    static final int POINTS_SCALE_MAX = 2;
    static final int REASON_MAX = 500;
    /** Transactions tried when fresh codes collide with stored ones (about never: 6 × 10^16 codes). */
    static final int CODE_ATTEMPTS = 5;

    private final EvaluationService evaluation;
    private final Codes codes;

    @Activate
    public QuestionnaireServiceImpl(@Reference Store store, @Reference CoreSchema schema,
            @Reference OrgUnitService orgUnits, @Reference PerformanceCycle cycle,
            @Reference EvaluationService evaluation) {
        this(store, orgUnits, cycle, evaluation, new Codes(), nodeClock());
    }

    QuestionnaireServiceImpl(Store store, OrgUnitService orgUnits, PerformanceCycle cycle,
            EvaluationService evaluation, Codes codes, Clock clock) {
        super(store, orgUnits, cycle, clock);
        this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
        this.codes = Objects.requireNonNull(codes, "codes");
    }

    // ---------------------------------------------------------------- questionnaires

    @Override
    public List<Questionnaire> questionnaires(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        return store.read(QuestionnaireRepository::questionnaires);
    }

    @Override
    public Questionnaire questionnaire(Actor actor, long id) {
        Objects.requireNonNull(actor, "actor");
        return find(id);
    }

    @Override
    public Questionnaire save(Actor actor, Long id, QuestionnaireDraft draft) {
        requireManager(actor, "questionnaire.save");
        synchronized (writeLock) {
            Questionnaire before = id == null ? null : find(id);
            ValidationException.Collector errors = new ValidationException.Collector();
            QuestionnaireDraft d = clean(draft, errors);
            errors.throwIfAny();
            Instant now = clock.instant();
            long saved = store.inTransaction(c -> {
                long newId;
                String what;
                if (before == null) {
                    newId = QuestionnaireRepository.insertQuestionnaire(c, null, 1, d, now, actor.username());
                    what = "created";
                } else if (!before.frozen()
                        && QuestionnaireRepository.replaceQuestionnaire(c, before.id(), d, now, actor.username())) {
                    newId = before.id();
                    what = "changed";
                } else {
                    // Frozen: a campaign uses it as it is, so the changes become the family's next version.
                    int version = QuestionnaireRepository.lastVersion(c, before.familyId()) + 1;
                    newId = QuestionnaireRepository.insertQuestionnaire(c, before.familyId(), version, d, now,
                            actor.username());
                    what = "new version of " + before.id();
                }
                long items = d.sections().stream().mapToLong(s -> s.items().size()).sum();
                AuditRecords.insert(c, now, actor, "questionnaire.save", questionnaireTarget(newId),
                        what + "; type=" + d.type() + "; sections=" + d.sections().size() + "; items=" + items, null);
                return newId;
            });
            return find(saved);
        }
    }

    /** The draft stripped, checked and normalised (TEXT items unweighted, optional, without choices). */
    static QuestionnaireDraft clean(QuestionnaireDraft d, ValidationException.Collector errors) {
        if (d == null) {
            errors.add("titleZh", "questionnaire.title.required");
            return null;
        }
        if (d.type() == null) {
            errors.add("type", "questionnaire.type.required");
        }
        String titleZh = required(d.titleZh(), TITLE_MAX, "titleZh", "questionnaire.title", errors);
        String titleEn = optional(d.titleEn(), TITLE_MAX, "titleEn", "questionnaire.title", errors);
        String introZh = optional(d.introZh(), TEXT_MAX, "introZh", "questionnaire.intro", errors);
        String introEn = optional(d.introEn(), TEXT_MAX, "introEn", "questionnaire.intro", errors);
        List<Section> sections = new ArrayList<>();
        int itemCount = 0;
        boolean scored = false;
        for (int s = 0; s < d.sections().size(); s++) {
            Section section = d.sections().get(s);
            String field = "section." + (s + 1);
            if (section == null) {
                errors.add(field, "questionnaire.section.empty");
                continue;
            }
            String sTitleZh = required(section.titleZh(), TITLE_MAX, field, "questionnaire.section.title", errors);
            String sTitleEn = optional(section.titleEn(), TITLE_MAX, field, "questionnaire.section.title", errors);
            if (section.items().isEmpty()) {
                errors.add(field, "questionnaire.section.empty");
            }
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < section.items().size(); i++) {
                Item item = cleanItem(section.items().get(i), (s + 1) + "." + (i + 1), errors);
                if (item != null) {
                    items.add(item);
                    scored |= item.scored();
                }
            }
            itemCount += section.items().size();
            sections.add(new Section(sTitleZh, sTitleEn, items));
        }
        if (itemCount > ITEMS_MAX) {
            errors.add("sections", "questionnaire.items.tooMany");
        } else if (!scored) {
            errors.add("sections", "questionnaire.scored.required");
        }
        return new QuestionnaireDraft(d.type(), titleZh, titleEn, introZh, introEn, sections);
    }

    private static Item cleanItem(Item item, String key, ValidationException.Collector errors) {
        String field = "item." + key;
        if (item == null || item.kind() == null) {
            errors.add(field, "questionnaire.item.kind.required");
            return null;
        }
        String textZh = required(item.textZh(), TEXT_MAX, field, "questionnaire.item.text", errors);
        String textEn = optional(item.textEn(), TEXT_MAX, field, "questionnaire.item.text", errors);
        if (!item.scored()) {
            if (!item.choices().isEmpty()) {
                errors.add(field, "questionnaire.item.choices.none");
            }
            return new Item(key, ItemKind.TEXT, textZh, textEn, null, List.of(), false);
        }
        BigDecimal w = item.weight();
        if (w == null || w.signum() <= 0 || w.compareTo(WEIGHT_MAX) > 0
                || w.stripTrailingZeros().scale() > WEIGHT_SCALE_MAX) {
            errors.add(field, "questionnaire.item.weight.invalid");
        }
        if (item.choices().size() < 2 || item.choices().size() > CHOICES_MAX) {
            errors.add(field, "questionnaire.item.choices.count");
        }
        List<Choice> choices = new ArrayList<>();
        for (int k = 0; k < item.choices().size(); k++) {
            Choice choice = item.choices().get(k);
            String cField = "choice." + key + "." + (k + 1);
            if (choice == null) {
                errors.add(cField, "questionnaire.choice.label.required");
                continue;
            }
            String labelZh = required(choice.labelZh(), TITLE_MAX, cField, "questionnaire.choice.label", errors);
            String labelEn = optional(choice.labelEn(), TITLE_MAX, cField, "questionnaire.choice.label", errors);
            BigDecimal p = choice.points();
            if (p == null || p.signum() < 0 || p.compareTo(POINTS_MAX) > 0
                    || p.stripTrailingZeros().scale() > POINTS_SCALE_MAX) {
                errors.add(cField, "questionnaire.choice.points.invalid");
            } else {
                p = QuestionnaireRepository.normal(p);
            }
            choices.add(new Choice(labelZh, labelEn, p));
        }
        return new Item(key, item.kind(), textZh, textEn, w == null ? null : QuestionnaireRepository.normal(w),
                choices, item.required());
    }

    private static String required(String s, int max, String field, String key, ValidationException.Collector e) {
        String v = text(s);
        if (v == null) {
            e.add(field, key + ".required");
        } else if (v.length() > max) {
            e.add(field, key + ".tooLong");
        }
        return v;
    }

    private static String optional(String s, int max, String field, String key, ValidationException.Collector e) {
        String v = text(s);
        if (v != null && v.length() > max) {
            e.add(field, key + ".tooLong");
        }
        return v;
    }

    private Questionnaire find(long id) {
        Questionnaire q = store.read(c -> QuestionnaireRepository.questionnaire(c, id));
        if (q == null) {
            throw new NotFoundException(questionnaireTarget(id));
        }
        return q;
    }

    // ---------------------------------------------------------------- campaigns

    @Override
    public List<Campaign> campaigns(Actor actor, int year) {
        Objects.requireNonNull(actor, "actor");
        List<Campaign> out = new ArrayList<>();
        for (CampaignRow row : store.read(c -> QuestionnaireRepository.campaigns(c, year))) {
            Campaign k = toCampaign(actor, row);
            if (k != null) {
                out.add(k);
            }
        }
        return out;
    }

    @Override
    public Campaign campaign(Actor actor, long id) {
        Objects.requireNonNull(actor, "actor");
        return visible(actor, id);
    }

    @Override
    public Campaign create(Actor actor, int year, CampaignDraft draft) {
        requireManager(actor, "campaign.create");
        synchronized (writeLock) {
            ValidationException.Collector errors = new ValidationException.Collector();
            CampaignDraft d = clean(actor, year, draft, errors);
            errors.throwIfAny();
            Instant now = clock.instant();
            long id = store.inTransaction(c -> {
                long created = QuestionnaireRepository.insertCampaign(c, year, d, now, actor.username());
                QuestionnaireRepository.freeze(c, d.questionnaireId());
                AuditRecords.insert(c, now, actor, "campaign.create", campaignTarget(created),
                        "year=" + year + "; " + describe(d), null);
                return created;
            });
            return visible(actor, id);
        }
    }

    @Override
    public Campaign change(Actor actor, long campaignId, CampaignDraft draft) {
        requireManager(actor, "campaign.change");
        synchronized (writeLock) {
            Campaign before = visible(actor, campaignId);
            ValidationException.Collector errors = new ValidationException.Collector();
            CampaignDraft d = clean(actor, before.year(), draft, errors);
            requireState(before, CampaignState.DRAFT, errors);
            errors.throwIfAny();
            Instant now = clock.instant();
            store.inTransaction(c -> {
                int withdrawn = QuestionnaireRepository.updateCampaign(c, campaignId, d);
                QuestionnaireRepository.freeze(c, d.questionnaireId());
                AuditRecords.insert(c, now, actor, "campaign.change", campaignTarget(campaignId),
                        describe(d) + "; codes withdrawn=" + withdrawn, null);
                return null;
            });
            return visible(actor, campaignId);
        }
    }

    @Override
    public Campaign open(Actor actor, long campaignId) {
        requireManager(actor, "campaign.open");
        synchronized (writeLock) {
            Campaign k = visible(actor, campaignId);
            ValidationException.Collector errors = new ValidationException.Collector();
            requireState(k, CampaignState.DRAFT, errors);
            requireYearOpen(k.year(), errors);
            if (k.closes().isBefore(LocalDate.now(clock))) {
                errors.add("closes", "campaign.closes.past");
            }
            if (!missingCodes(k).isEmpty()) {
                errors.add("codes", "campaign.codes.missing");
            }
            errors.throwIfAny();
            Instant now = clock.instant();
            store.inTransaction(c -> {
                if (!QuestionnaireRepository.moveState(c, campaignId, CampaignState.DRAFT, CampaignState.OPEN)) {
                    throw ValidationException.of("state", "campaign.state.notDraft");
                }
                AuditRecords.insert(c, now, actor, "campaign.open", campaignTarget(campaignId),
                        "opens=" + k.opens() + "; closes=" + k.closes(), null);
                return null;
            });
            return visible(actor, campaignId);
        }
    }

    @Override
    public Campaign close(Actor actor, long campaignId) {
        requireAssessor(actor, "campaign.close");
        List<UnitScores> results;
        Campaign k;
        synchronized (writeLock) {
            k = visible(actor, campaignId);
            results = k.state() == CampaignState.CLOSED ? notFed(actor, k) : closeOpen(actor, k);
        }
        // After the commit: the evaluation writes in transactions of its own. A unit that fails to feed is left
        // unfed (and shown so); the close stands.
        for (UnitScores u : results) {
            if (!u.belowMinimum() && u.score() != null) {
                try {
                    feed(actor, k, u.orgUnitId(), u.score());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Campaign " + campaignId + ": the score of unit " + u.orgUnitId()
                            + " could not be entered into the evaluation", e);
                }
            }
        }
        return visible(actor, campaignId);
    }

    @Override
    public UnitScores decide(Actor actor, long campaignId, long orgUnitId, Decision decision, String reason) {
        requireAssessor(actor, "campaign.decide");
        synchronized (writeLock) {
            Campaign k = visible(actor, campaignId);
            if (!k.orgUnitIds().contains(orgUnitId)) {
                throw new NotFoundException("orgUnit:" + orgUnitId);
            }
            UnitScores u = scores(actor, k).stream().filter(s -> s.orgUnitId() == orgUnitId).findFirst()
                    .orElseThrow(() -> new NotFoundException("orgUnit:" + orgUnitId));
            ValidationException.Collector errors = new ValidationException.Collector();
            requireState(k, CampaignState.CLOSED, errors);
            if (!u.belowMinimum()) {
                errors.add("orgUnitId", "campaign.decide.notBelow");
            }
            if (decision == null || decision == Decision.NONE) {
                errors.add("decision", "campaign.decision.invalid");
            } else if (u.decision() != Decision.NONE) {
                errors.add("decision", "campaign.decided.already");
            } else if (decision == Decision.USE && u.score() == null) {
                errors.add("decision", "campaign.decide.noScore");
            }
            String why = text(reason);
            if (why == null) {
                errors.add("reason", "campaign.reason.required");
            } else if (why.length() > REASON_MAX) {
                errors.add("reason", "campaign.reason.tooLong");
            }
            errors.throwIfAny();
            if (decision == Decision.USE) {
                // Entered first: when the evaluation refuses it, no decision is recorded and the team may retry.
                evaluation.enterScore(actor, k.year(), orgUnitId, k.type().scoreKind(), u.score());
            }
            Instant now = clock.instant();
            store.inTransaction(c -> {
                QuestionnaireRepository.insertDecision(c, campaignId, orgUnitId, decision, why, now,
                        actor.username());
                AuditRecords.insert(c, now, actor, "campaign.decide", campaignTarget(campaignId),
                        "orgUnit=" + orgUnitId + "; decision=" + decision + "; responses=" + u.responses()
                                + "; reason=" + why, null);
                if (decision == Decision.USE) {
                    recordFeed(c, actor, now, campaignId, orgUnitId, u.score());
                }
                return null;
            });
            return scores(actor, visible(actor, campaignId)).stream().filter(s -> s.orgUnitId() == orgUnitId)
                    .findFirst().orElseThrow();
        }
    }

    /** Enters a unit's score as the year's youth or leader score, then records that it did. */
    /** Closes an OPEN campaign and scores it, in one transaction; the scores to feed. */
    private List<UnitScores> closeOpen(Actor actor, Campaign k) {
        ValidationException.Collector errors = new ValidationException.Collector();
        requireState(k, CampaignState.OPEN, errors);
        requireYearOpen(k.year(), errors);
        errors.throwIfAny();
        Questionnaire q = find(k.questionnaireId());
        List<OrgUnit> units = units(k.orgUnitIds());
        Instant now = clock.instant();
        // No move of held responses at the same time: see AnswerServiceImpl.MOVING.
        AnswerServiceImpl.MOVING.lock();
        try {
            return closeAndScore(actor, k, q, units, now);
        } finally {
            AnswerServiceImpl.MOVING.unlock();
        }
    }

    private List<UnitScores> closeAndScore(Actor actor, Campaign k, Questionnaire q, List<OrgUnit> units,
            Instant now) {
        long campaignId = k.id();
        return store.inTransaction(c -> {
            // The state update locks the campaign row: a submission still under way finishes first, and any
            // later one finds the campaign closed. Only then are the responses read.
            if (!QuestionnaireRepository.close(c, campaignId, now, actor.username())) {
                throw ValidationException.of("state", "campaign.state.notOpen");
            }
            QuestionnaireRepository.release(c, campaignId, 1, codes, false);
            List<UnitScores> scores = Scoring.units(frame(k, q, Map.of(), Set.of(), actor), units,
                    QuestionnaireRepository.responses(c, campaignId), true);
            int responses = scores.stream().mapToInt(UnitScores::responses).sum();
            String below = scores.stream().filter(UnitScores::belowMinimum)
                    .map(u -> String.valueOf(u.orgUnitId())).collect(Collectors.joining(","));
            AuditRecords.insert(c, now, actor, "campaign.close", campaignTarget(campaignId),
                    "responses=" + responses + "; units=" + scores.size() + "; below minimum=[" + below + "]", null);
            return scores;
        });
    }

    /**
     * A CLOSED campaign's scores that were due to feed the evaluation and did not (it refused one, or the node
     * stopped in between). Closed scores never change, so feeding them now is what the close would have done.
     */
    private List<UnitScores> notFed(Actor actor, Campaign k) {
        List<UnitScores> due = scores(actor, k).stream().filter(u -> !u.fed() && !u.belowMinimum()).toList();
        store.inTransaction(c -> {
            AuditRecords.insert(c, clock.instant(), actor, "campaign.refeed", campaignTarget(k.id()),
                    "units=" + due.size(), null);
            return null;
        });
        return due;
    }

    private void feed(Actor actor, Campaign k, long orgUnitId, BigDecimal score) {
        evaluation.enterScore(actor, k.year(), orgUnitId, k.type().scoreKind(), score);
        Instant now = clock.instant();
        store.inTransaction(c -> {
            recordFeed(c, actor, now, k.id(), orgUnitId, score);
            return null;
        });
    }

    private static void recordFeed(Connection c, Actor actor, Instant now, long campaignId, long orgUnitId,
            BigDecimal score) throws SQLException {
        QuestionnaireRepository.insertFeed(c, campaignId, orgUnitId, score, now, actor.username());
        AuditRecords.insert(c, now, actor, "campaign.feed", campaignTarget(campaignId),
                "orgUnit=" + orgUnitId + "; score=" + score.toPlainString(), null);
    }

    /** The draft stripped and checked against the questionnaire, the actor's units and the year. */
    private CampaignDraft clean(Actor actor, int year, CampaignDraft d, ValidationException.Collector errors) {
        if (d == null) {
            errors.add("name", "campaign.name.required");
            return null;
        }
        String name = required(d.name(), TITLE_MAX, "name", "campaign.name", errors);
        Questionnaire q = store.read(c -> QuestionnaireRepository.questionnaire(c, d.questionnaireId()));
        if (q == null) {
            errors.add("questionnaireId", "campaign.questionnaire.unknown");
        }
        Set<Long> units = new LinkedHashSet<>();
        for (Long id : d.orgUnitIds()) {
            if (id == null || orgUnits.findVisible(actor, id).filter(u -> u.level().evaluated()).isEmpty()) {
                errors.add("orgUnitIds", "campaign.unit.invalid");
            } else {
                units.add(id);
            }
        }
        if (d.orgUnitIds().isEmpty()) {
            errors.add("orgUnitIds", "campaign.units.required");
        }
        Map<RespondentCategory, Integer> quotas = new EnumMap<>(RespondentCategory.class);
        for (CategoryQuota cq : d.quotas()) {
            if (cq == null || cq.category() == null) {
                errors.add("quotas", "campaign.category.invalid");
                continue;
            }
            String field = "quota." + cq.category().name();
            if (quotas.containsKey(cq.category())) {
                errors.add(field, "campaign.category.duplicate");
            } else if (q != null && cq.category().type() != q.type()) {
                errors.add(field, "campaign.category.type");
            } else if (cq.quota() < 1 || cq.quota() > QUOTA_MAX) {
                errors.add(field, "campaign.quota.invalid");
            }
            quotas.putIfAbsent(cq.category(), cq.quota());
        }
        if (d.quotas().isEmpty()) {
            errors.add("quotas", "campaign.quotas.required");
        }
        int perUnit = quotas.values().stream().mapToInt(Integer::intValue).sum();
        if (d.minResponses() < 0 || (!quotas.isEmpty() && d.minResponses() > perUnit)) {
            errors.add("minResponses", "campaign.minResponses.invalid");
        }
        LocalDate earliest = LocalDate.of(year - 1, 1, 1);
        LocalDate latest = LocalDate.of(year + 1, 12, 31);
        if (d.opens() == null) {
            errors.add("opens", "campaign.dates.required");
        } else if (d.opens().isBefore(earliest) || d.opens().isAfter(latest)) {
            errors.add("opens", "campaign.dates.range");
        }
        if (d.closes() == null) {
            errors.add("closes", "campaign.dates.required");
        } else if (d.closes().isBefore(earliest) || d.closes().isAfter(latest)) {
            errors.add("closes", "campaign.dates.range");
        } else if (d.opens() != null && d.closes().isBefore(d.opens())) {
            errors.add("closes", "campaign.dates.order");
        }
        requireYearOpen(year, errors);
        List<CategoryQuota> cleanQuotas = new ArrayList<>();
        quotas.forEach((k, v) -> cleanQuotas.add(new CategoryQuota(k, v)));
        return new CampaignDraft(name, d.questionnaireId(), List.copyOf(units), cleanQuotas, d.minResponses(),
                d.opens(), d.closes());
    }

    private static String describe(CampaignDraft d) {
        return "questionnaire=" + d.questionnaireId() + "; units=" + d.orgUnitIds().size() + "; quotas="
                + d.quotas().stream().map(q -> q.category() + ":" + q.quota()).collect(Collectors.joining(","))
                + "; min=" + d.minResponses() + "; " + d.opens() + ".." + d.closes();
    }

    // ---------------------------------------------------------------- codes

    @Override
    public List<AccessCode> issueCodes(Actor actor, long campaignId) {
        requireManager(actor, "campaign.codes");
        synchronized (writeLock) {
            Campaign k = visible(actor, campaignId);
            if (k.state() == CampaignState.CLOSED) {
                throw ValidationException.of("state", "campaign.state.closed");
            }
            for (int attempt = 1;; attempt++) {
                try {
                    issue(actor, k);
                    break;
                } catch (StoreException e) {
                    if (!Jdbc.isUniqueViolation(e) || attempt >= CODE_ATTEMPTS) {
                        throw e;
                    }
                    LOG.log(Level.INFO, "A fresh code collided with a stored one; issuing again");
                }
            }
            return accessCodes(k, null);
        }
    }

    /** Tops every unit and category up to its quota, in one transaction with its audit line. */
    private void issue(Actor actor, Campaign k) {
        Instant now = clock.instant();
        store.inTransaction(c -> {
            Map<String, Integer> have = new HashMap<>();
            for (CodeRow code : QuestionnaireRepository.codes(c, k.id(), null)) {
                have.merge(code.orgUnitId() + "/" + code.category(), 1, Integer::sum);
            }
            Set<String> fresh = new HashSet<>();
            List<CodeRow> issued = new ArrayList<>();
            for (long unit : k.orgUnitIds()) {
                for (CategoryQuota q : k.quotas()) {
                    int missing = q.quota() - have.getOrDefault(unit + "/" + q.category(), 0);
                    for (int i = 0; i < missing; i++) {
                        String code;
                        do {
                            code = codes.next();
                        } while (!fresh.add(code));
                        issued.add(new CodeRow(code, k.id(), unit, q.category(), false));
                    }
                }
            }
            QuestionnaireRepository.insertCodes(c, k.id(), issued);
            int total = have.values().stream().mapToInt(Integer::intValue).sum() + issued.size();
            AuditRecords.insert(c, now, actor, "campaign.codes", campaignTarget(k.id()),
                    "issued=" + issued.size() + "; total=" + total, null);
            return null;
        });
    }

    @Override
    public List<AccessCode> codes(Actor actor, long campaignId, Long orgUnitId) {
        requireManager(actor, "campaign.codes");
        Campaign k = visible(actor, campaignId);
        if (orgUnitId != null && !k.orgUnitIds().contains(orgUnitId)) {
            throw new NotFoundException("orgUnit:" + orgUnitId);
        }
        List<AccessCode> out = accessCodes(k, orgUnitId);
        // Whoever holds a code may answer with it: reading them is recorded, by count.
        store.inTransaction(c -> {
            AuditRecords.insert(c, clock.instant(), actor, "campaign.codes.read", campaignTarget(campaignId),
                    (orgUnitId == null ? "all units" : "orgUnit=" + orgUnitId) + "; count=" + out.size(), null);
            return null;
        });
        return out;
    }

    /** Codes by unit (in code order of the units), category and code. */
    private List<AccessCode> accessCodes(Campaign k, Long orgUnitId) {
        List<CodeRow> rows = store.read(c -> QuestionnaireRepository.codes(c, k.id(), orgUnitId));
        Map<Long, List<CodeRow>> byUnit = new HashMap<>();
        rows.forEach(r -> byUnit.computeIfAbsent(r.orgUnitId(), x -> new ArrayList<>()).add(r));
        List<AccessCode> out = new ArrayList<>(rows.size());
        for (OrgUnit unit : units(k.orgUnitIds())) {
            List<CodeRow> mine = byUnit.getOrDefault(unit.id(), new ArrayList<>());
            mine.sort(Comparator.comparing(CodeRow::category).thenComparing(CodeRow::code));
            for (CodeRow r : mine) {
                out.add(new AccessCode(r.code(), k.id(), unit.id(), unit.name(), r.category()));
            }
        }
        return out;
    }

    /** "unit/category" of every pair whose codes fall short of the quota. */
    private List<String> missingCodes(Campaign k) {
        Map<String, Integer> have = new HashMap<>();
        store.read(c -> QuestionnaireRepository.codes(c, k.id(), null))
                .forEach(r -> have.merge(r.orgUnitId() + "/" + r.category(), 1, Integer::sum));
        List<String> missing = new ArrayList<>();
        for (long unit : k.orgUnitIds()) {
            for (CategoryQuota q : k.quotas()) {
                if (have.getOrDefault(unit + "/" + q.category(), 0) < q.quota()) {
                    missing.add(unit + "/" + q.category());
                }
            }
        }
        return missing;
    }

    // ---------------------------------------------------------------- results

    @Override
    public List<UnitScores> scores(Actor actor, long campaignId) {
        Objects.requireNonNull(actor, "actor");
        return scores(actor, visible(actor, campaignId));
    }

    @Override
    public Map<Long, Integer> responseCounts(Actor actor, long campaignId) {
        Objects.requireNonNull(actor, "actor");
        Campaign k = visible(actor, campaignId);
        Map<Long, Integer> all = store.read(c -> QuestionnaireRepository.responseCounts(c, campaignId));
        Map<Long, Integer> out = new LinkedHashMap<>();
        k.orgUnitIds().forEach(unit -> out.put(unit, all.getOrDefault(unit, 0)));
        return out;
    }

    /** The scores of the campaign's units in the actor's scope; counts only until the campaign is closed. */
    private List<UnitScores> scores(Actor actor, Campaign k) {
        Questionnaire q = find(k.questionnaireId());
        List<OrgUnit> units = units(k.orgUnitIds());
        return store.read(c -> Scoring.units(frame(k, q, QuestionnaireRepository.decisions(c, k.id()),
                QuestionnaireRepository.fed(c, k.id()), actor), units,
                QuestionnaireRepository.responses(c, k.id()), k.state() == CampaignState.CLOSED));
    }

    @Override
    public Map<Long, List<FreeText>> freeTexts(Actor actor, long campaignId) {
        // Respondents write names and grievances into free text: the city's assessment team reads it, not every
        // city user.
        if (!atRoot(actor) || !actor.has(Role.ASSESSOR)) {
            throw new AccessDeniedException("campaign.freeTexts");
        }
        Campaign k = visible(actor, campaignId);
        Map<Long, List<FreeText>> out = new LinkedHashMap<>();
        if (k.state() != CampaignState.CLOSED) {
            // Shown once closed: texts appearing one by one could be told apart by when they came.
            return out;
        }
        Questionnaire q = find(k.questionnaireId());
        boolean english = english(actor);
        Map<String, String> itemTexts = new HashMap<>();
        for (Item item : q.items()) {
            itemTexts.put(item.key(), english && item.textEn() != null ? item.textEn() : item.textZh());
        }
        Map<Long, List<TextRow>> byUnit = new HashMap<>();
        store.read(c -> QuestionnaireRepository.texts(c, campaignId))
                .forEach(t -> byUnit.computeIfAbsent(t.orgUnitId(), x -> new ArrayList<>()).add(t));
        for (OrgUnit unit : units(k.orgUnitIds())) {
            List<FreeText> texts = new ArrayList<>();
            for (TextRow t : byUnit.getOrDefault(unit.id(), List.of())) {
                texts.add(new FreeText(unit.id(), unit.name(), t.itemKey(), itemTexts.get(t.itemKey()), t.text()));
            }
            Collections.shuffle(texts, codes.random());
            if (!texts.isEmpty()) {
                out.put(unit.id(), texts);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- rules

    private Scoring.Frame frame(Campaign k, Questionnaire q, Map<Long, Decision> decisions, Set<Long> fed,
            Actor actor) {
        return new Scoring.Frame(q, k.quotas(), k.minResponses(), decisions, fed, english(actor));
    }

    /**
     * The campaign as the actor sees it: the city sees every unit; anyone else only the units they cover, and a
     * campaign rating none of them is absent (404).
     */
    private Campaign visible(Actor actor, long id) {
        CampaignRow row = store.read(c -> QuestionnaireRepository.campaign(c, id));
        Campaign k = row == null ? null : toCampaign(actor, row);
        if (k == null) {
            throw new NotFoundException(campaignTarget(id));
        }
        return k;
    }

    private Campaign toCampaign(Actor actor, CampaignRow row) {
        List<Long> all = store.read(c -> QuestionnaireRepository.units(c, row.id()));
        List<Long> seen = new ArrayList<>();
        for (OrgUnit u : units(all)) {
            if (atRoot(actor) || actor.covers(u)) {
                seen.add(u.id());
            }
        }
        if (seen.isEmpty() && !atRoot(actor)) {
            return null;
        }
        List<CategoryQuota> quotas = store.read(c -> QuestionnaireRepository.quotas(c, row.id()));
        return new Campaign(row.id(), row.year(), row.name(), row.questionnaireId(), row.type(), seen, quotas,
                row.minResponses(), row.opens(), row.closes(), row.state(), row.createdAt(), row.createdBy(),
                row.closedAt(), row.closedBy());
    }

    /** The units with these ids, by code. */
    private List<OrgUnit> units(List<Long> ids) {
        List<OrgUnit> out = new ArrayList<>();
        for (Long id : ids) {
            orgUnits.find(id).ifPresent(out::add);
        }
        out.sort(OrgUnitServiceImpl.BY_CODE);
        return out;
    }

    private void requireYearOpen(int year, ValidationException.Collector errors) {
        if (cycle.year(year).isEmpty()) {
            errors.add("year", "campaign.year.notOpen");
        }
    }

    private static void requireState(Campaign k, CampaignState state, ValidationException.Collector errors) {
        if (k.state() != state) {
            errors.add("state", switch (state) {
                case DRAFT -> "campaign.state.notDraft";
                case OPEN -> "campaign.state.notOpen";
                case CLOSED -> "campaign.state.notClosed";
            });
        }
    }

    /** City ADMIN or ASSESSOR: builds questionnaires and runs campaigns. */
    private static void requireManager(Actor actor, String what) {
        if (!atRoot(actor) || !(actor.has(Role.ADMIN) || actor.has(Role.ASSESSOR))) {
            throw new AccessDeniedException(what);
        }
    }

    /** City ASSESSOR: closes campaigns (their scores are entered as this user) and decides. */
    private static void requireAssessor(Actor actor, String what) {
        if (!atRoot(actor) || !actor.has(Role.ASSESSOR)) {
            throw new AccessDeniedException(what);
        }
    }

    private static boolean english(Actor actor) {
        Locale l = actor.locale();
        return l != null && "en".equals(l.getLanguage());
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String questionnaireTarget(long id) {
        return "questionnaire:" + id;
    }

    static String campaignTarget(long id) {
        return "campaign:" + id;
    }
}
