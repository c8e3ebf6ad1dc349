package org.jixiao.core.internal.questionnaire;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.questionnaire.Answer;
import org.jixiao.api.questionnaire.AnswerService;
import org.jixiao.api.questionnaire.Ballot;
import org.jixiao.api.questionnaire.CampaignState;
import org.jixiao.api.questionnaire.Item;
import org.jixiao.api.questionnaire.Questionnaire;
import org.jixiao.api.questionnaire.QuestionnaireService;
import org.jixiao.api.store.Store;
import org.jixiao.core.internal.questionnaire.QuestionnaireRepository.CampaignRow;
import org.jixiao.core.internal.questionnaire.QuestionnaireRepository.CodeAndCampaign;
import org.jixiao.core.internal.questionnaire.QuestionnaireRepository.CodeRow;
import org.jixiao.core.internal.schema.CoreSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Answers by one-time code, from respondents (no login) and from staff typing in paper questionnaires.
 *
 * <p>A submission is one transaction: it holds the OPEN campaign's row in shared mode, uses the code with
 * {@code UPDATE ... SET USED = 1 WHERE CODE = ? AND USED = 0} and goes on only when that changed one row, then
 * holds a response under a random id with the unit, the category and the day, and its answers. Nothing in the
 * response names the code, and nothing is audited or logged, so no one can tell who answered what while no code
 * answers twice. Held responses join the others {@link #BATCH} or more at a time in a shuffled order (the rest at
 * the close): rows come back in the order they were written, and that order must not match the order the codes were
 * used in.
 */
@Component(service = AnswerService.class)
public final class AnswerServiceImpl implements AnswerService {

    /**
     * Held by whoever moves held responses in this node: a submission's move ({@link #releaseIfDue}) or a close. A
     * move writes its copies before it takes the campaign exclusively, and a close waiting for those rows while the
     * move waits for the close's lock would deadlock.
     */
    static final ReentrantLock MOVING = new ReentrantLock();
    /** How many frozen questionnaires are kept at most. */
    static final int FROZEN_KEPT = 32;
    /** How many held responses move among the others at once, shuffled. */
    static final int BATCH = 10;

    private static final System.Logger LOG = System.getLogger(AnswerServiceImpl.class.getName());

    private final Store store;
    private final OrgUnitService orgUnits;
    private final Codes codes;
    private final Clock clock;
    /** {@link #BATCH}; tests that read one submission's rows release each at once. */
    volatile int batch = BATCH;
    /** Runs after the checks and before the transaction; tests make two submissions meet here. */
    volatile Runnable beforeWrite = () -> {
    };
    /** Runs inside a submission's transaction once it holds the campaign open; tests make a close meet it here. */
    volatile Runnable whileOpen = () -> {
    };
    /** Frozen questionnaires by id, as read; see {@link #questionnaire(long)}. */
    private final Map<Long, Questionnaire> frozen = new ConcurrentHashMap<>();
    /** Submissions stored per campaign since its held responses last moved (in this node's memory only). */
    private final Map<Long, AtomicInteger> storedSinceRelease = new ConcurrentHashMap<>();

    @Activate
    public AnswerServiceImpl(@Reference Store store, @Reference CoreSchema schema,
            @Reference OrgUnitService orgUnits) {
        // The zone decides which calendar day "today" is; the node runs with -Duser.timezone (Asia/Shanghai).
        this(store, orgUnits, new Codes(), Clock.systemDefaultZone());
    }

    AnswerServiceImpl(Store store, OrgUnitService orgUnits, Codes codes, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.orgUnits = Objects.requireNonNull(orgUnits, "orgUnits");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A code that may answer now, with what it opens. */
    private record Open(CodeRow code, CampaignRow campaign, Questionnaire questionnaire) {
    }

    @Override
    public Ballot ballot(String code) {
        Open o = open(code);
        String unitName = orgUnits.find(o.code().orgUnitId()).map(OrgUnit::name).orElse("");
        return new Ballot(o.code().code(), o.questionnaire(), unitName, o.code().category(), o.campaign().name(),
                o.campaign().closes());
    }

    @Override
    public void submit(String code, List<Answer> answers) {
        store(open(code), answers);
    }

    @Override
    public Ballot paperBallot(Actor actor, String code) {
        requirePaperEntry(actor);
        return ballot(code);
    }

    @Override
    public void submitPaper(Actor actor, String code, List<Answer> answers) {
        requirePaperEntry(actor);
        store(open(code), answers);
    }

    /** The city enters paper forms: a unit's own staff holding unused codes could otherwise rate their own unit. */
    private static void requirePaperEntry(Actor actor) {
        if (actor == null || actor.orgUnit() == null || actor.orgUnit().parentId() != null
                || !(actor.has(Role.STAFF) || actor.has(Role.ADMIN) || actor.has(Role.ASSESSOR))) {
            throw new AccessDeniedException("answer.paper");
        }
    }

    /**
     * The typed code, its campaign and questionnaire when the code may answer today (one read, the questionnaire
     * kept); the reason why not otherwise.
     */
    private Open open(String typed) {
        String code = AnswerService.normalise(typed);
        CodeAndCampaign found = code == null ? null
                : store.read(c -> QuestionnaireRepository.codeAndCampaign(c, code));
        if (found == null) {
            throw ValidationException.of("code", "answer.code.unknown");
        }
        CodeRow row = found.code();
        if (row.used()) {
            throw ValidationException.of("code", "answer.code.used");
        }
        CampaignRow k = found.campaign();
        LocalDate today = LocalDate.now(clock);
        if (k.state() == CampaignState.CLOSED || (k.state() == CampaignState.OPEN && today.isAfter(k.closes()))) {
            throw ValidationException.of("code", "answer.campaign.closed");
        }
        if (k.state() == CampaignState.DRAFT || today.isBefore(k.opens())) {
            throw ValidationException.of("code", "answer.campaign.notOpen");
        }
        return new Open(row, k, questionnaire(k.questionnaireId()));
    }

    /**
     * A campaign's questionnaire. The version a campaign uses is frozen when the campaign is created or changed, and
     * a frozen version is never changed again (saving it makes the next version; the update only touches versions
     * not frozen): it is read once and kept. A version not frozen, which no campaign should reach, is read each time.
     */
    private Questionnaire questionnaire(long id) {
        Questionnaire q = frozen.get(id);
        if (q == null) {
            q = store.read(c -> QuestionnaireRepository.questionnaire(c, id));
            if (q.frozen()) {
                // Bounded: a year has a few campaigns; past the cap, the ones still in use are read again.
                if (frozen.size() >= FROZEN_KEPT) {
                    frozen.clear();
                }
                frozen.put(id, q);
            }
        }
        return q;
    }

    private void store(Open o, List<Answer> answers) {
        List<Answer> clean = check(o.questionnaire(), answers);
        beforeWrite.run();
        LocalDate today = LocalDate.now(clock);
        String id = codes.responseId();
        long campaignId = o.campaign().id();
        store.inTransaction(c -> {
            if (!QuestionnaireRepository.shareOpen(c, campaignId)) {
                throw ValidationException.of("code", "answer.campaign.closed");
            }
            whileOpen.run();
            // Checked here, inside the transaction: of two submissions of one code, the second changes no row,
            // throws, and its transaction stores nothing.
            if (QuestionnaireRepository.useCode(c, o.code().code()) != 1) {
                throw ValidationException.of("code", "answer.code.used");
            }
            QuestionnaireRepository.holdResponse(c, id, campaignId, o.code().orgUnitId(), o.code().category(), today,
                    clean);
            return null;
        });
        releaseIfDue(campaignId);
    }

    /**
     * Moves the campaign's held responses among the others once {@link #batch} were stored since the last move, in a
     * transaction of its own after the submission's: inside every submission it would make them one at a time again.
     * The copies are written while submissions go on; only deleting the held rows waits for the submissions under
     * way and holds the next ones back a moment (see {@link QuestionnaireRepository#release}). One move at a time in
     * this node ({@link #MOVING}, which the close takes too); the other submissions do not wait for it. The
     * submission is stored whatever becomes of the move: a move that fails leaves the responses held for the next
     * one or the close.
     */
    private void releaseIfDue(long campaignId) {
        AtomicInteger since = storedSinceRelease.computeIfAbsent(campaignId, k -> new AtomicInteger());
        if (since.incrementAndGet() < batch || !MOVING.tryLock()) {
            return;
        }
        try {
            since.set(0);
            store.inTransaction(c -> QuestionnaireRepository.release(c, campaignId, batch, codes, true));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "held responses of campaign " + campaignId + " not moved yet", e);
        } finally {
            MOVING.unlock();
        }
    }

    /**
     * The answered items in questionnaire order, checked: every item key known and answered once, required items
     * answered, choices in range, texts stripped and not too long; blank texts are left out.
     */
    static List<Answer> check(Questionnaire q, List<Answer> answers) {
        ValidationException.Collector errors = new ValidationException.Collector();
        List<Item> items = q.items();
        Set<String> keys = new HashSet<>();
        items.forEach(i -> keys.add(i.key()));
        Map<String, Answer> given = new LinkedHashMap<>();
        for (Answer a : answers == null ? List.<Answer>of() : answers) {
            if (a == null || a.itemKey() == null) {
                errors.add("answers", "answer.item.unknown");
                continue;
            }
            String field = "item." + a.itemKey();
            if (!keys.contains(a.itemKey())) {
                errors.add(field, "answer.item.unknown");
            } else if (given.putIfAbsent(a.itemKey(), a) != null) {
                errors.add(field, "answer.item.duplicate");
            }
        }
        List<Answer> out = new ArrayList<>();
        for (Item item : items) {
            Answer a = given.get(item.key());
            String field = "item." + item.key();
            if (item.scored()) {
                if (a == null || a.choice() == null) {
                    if (item.required()) {
                        errors.add(field, "answer.required");
                    }
                } else if (a.choice() < 1 || a.choice() > item.choices().size()) {
                    errors.add(field, "answer.choice.invalid");
                } else {
                    out.add(new Answer(item.key(), a.choice(), null));
                }
            } else {
                String text = a == null || a.text() == null || a.text().isBlank() ? null : a.text().strip();
                if (text != null && text.length() > QuestionnaireService.TEXT_MAX) {
                    errors.add(field, "answer.text.tooLong");
                } else if (text != null) {
                    out.add(new Answer(item.key(), null, text));
                }
            }
        }
        errors.throwIfAny();
        return out;
    }
}
