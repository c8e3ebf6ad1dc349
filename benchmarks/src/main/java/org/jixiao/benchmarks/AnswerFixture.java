package org.jixiao.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitDraft;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.performance.PerformanceCycle;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.project.ProjectStatus;
import org.jixiao.api.questionnaire.AccessCode;
import org.jixiao.api.questionnaire.AnswerService;
import org.jixiao.api.questionnaire.Campaign;
import org.jixiao.api.questionnaire.CampaignDraft;
import org.jixiao.api.questionnaire.CategoryQuota;
import org.jixiao.api.questionnaire.Choice;
import org.jixiao.api.questionnaire.EvaluationType;
import org.jixiao.api.questionnaire.Item;
import org.jixiao.api.questionnaire.ItemKind;
import org.jixiao.api.questionnaire.Questionnaire;
import org.jixiao.api.questionnaire.QuestionnaireDraft;
import org.jixiao.api.questionnaire.QuestionnaireService;
import org.jixiao.api.questionnaire.RespondentCategory;
import org.jixiao.api.questionnaire.Section;
import org.jixiao.api.store.Store;
import org.jixiao.core.internal.org.OrgUnitServiceImpl;
import org.jixiao.core.internal.schema.CoreSchema;
import org.jixiao.store.internal.DerbyStore;

/**
 * A youth evaluation campaign ready for answers, built with the real services on a real Derby store in a temporary
 * directory (durable commits, as shipped; the shipped pool of 8 connections unless {@code -Dpool=}): a city with
 * 10 counties, this year opened, a YOUTH questionnaire of 3 sections (15 rating items on a 4-level scale, 2 text
 * items), and {@code campaigns} campaigns over the 10 counties for the 5 youth categories, their codes issued
 * through the service (timed) and opened. With one campaign (the case of the issue) each county and category gets
 * 2,000 codes ({@link QuestionnaireService#QUOTA_MAX}): 100,000 codes; with more campaigns the same 100,000 are
 * split between them.
 *
 * <p>The answer service works on a {@link TimedStore} around the same store, so that a submission's time can be
 * split up; everything else uses the store directly.
 */
final class AnswerFixture implements AutoCloseable {

    static final int COUNTIES = 10;
    static final int CODES_PER_UNIT_AND_CATEGORY = QuestionnaireService.QUOTA_MAX;
    static final List<RespondentCategory> CATEGORIES = List.of(RespondentCategory.values()).stream()
            .filter(c -> c.type() == EvaluationType.YOUTH).toList();

    final Path dir;
    final DerbyStore store;
    final QuestionnaireService questionnaires;
    final AnswerService answers;
    final Actor actor;
    final Questionnaire questionnaire;
    final List<Campaign> campaigns = new ArrayList<>();
    /** Every issued code, campaign by campaign. */
    final List<AccessCode> codes = new ArrayList<>();
    final int poolSize;
    final long setUpMillis;
    final long issueMillis;
    final long openMillis;

    AnswerFixture(int campaignCount) {
        long t0 = System.nanoTime();
        try {
            dir = Files.createTempDirectory("jixiao-qbench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        poolSize = Integer.getInteger("pool", 8);
        store = new DerbyStore(dir.resolve("db"), poolSize);
        CoreSchema schema = new CoreSchema(store);
        OrgUnit root = store.inTransaction(c -> OrgUnitServiceImpl.insert(c, null, "city", "团市委", OrgLevel.CITY));
        actor = new Actor(1, "bench", Set.of(Role.ADMIN, Role.ASSESSOR), root, Locale.SIMPLIFIED_CHINESE);

        Wiring wiring = new Wiring();
        wiring.put(Store.class, store);
        wiring.put(CoreSchema.class, schema);
        wiring.put(ProjectRegistry.class, new NoProjects());
        OrgUnitService orgUnits = wiring.get(OrgUnitService.class);
        PerformanceCycle cycle = wiring.get(PerformanceCycle.class);
        questionnaires = wiring.get(QuestionnaireService.class);
        Wiring timed = new Wiring();
        timed.put(Store.class, new TimedStore(store));
        timed.put(CoreSchema.class, schema);
        timed.put(OrgUnitService.class, orgUnits);
        answers = timed.get(AnswerService.class);

        List<Long> counties = new ArrayList<>();
        for (int i = 1; i <= COUNTIES; i++) {
            counties.add(orgUnits.create(actor, new OrgUnitDraft(root.id(), String.format("c%02d", i),
                    String.format("第%02d县团委", i), OrgLevel.COUNTY)).id());
        }
        // Answers are taken between the campaign's dates by the system clock; the year is this one.
        LocalDate today = LocalDate.now();
        int year = today.getYear();
        cycle.open(actor, year);
        questionnaire = questionnaires.save(actor, null, draft());

        int quota = CODES_PER_UNIT_AND_CATEGORY / campaignCount;
        List<Campaign> drafts = new ArrayList<>();
        for (int k = 1; k <= campaignCount; k++) {
            drafts.add(questionnaires.create(actor, year, new CampaignDraft(year + " 年度青年评价 " + k,
                    questionnaire.id(), counties, CATEGORIES.stream().map(c -> new CategoryQuota(c, quota)).toList(),
                    30, today, today.plusDays(30))));
        }
        long t1 = System.nanoTime();
        for (Campaign k : drafts) {
            codes.addAll(questionnaires.issueCodes(actor, k.id()));
        }
        long t2 = System.nanoTime();
        for (Campaign k : drafts) {
            campaigns.add(questionnaires.open(actor, k.id()));
        }
        long t3 = System.nanoTime();
        issueMillis = (t2 - t1) / 1_000_000;
        openMillis = (t3 - t2) / 1_000_000;
        setUpMillis = (t1 - t0) / 1_000_000;
        if (codes.size() != campaignCount * COUNTIES * CATEGORIES.size() * quota
                || codes.stream().map(AccessCode::code).distinct().count() != codes.size()) {
            throw new IllegalStateException("the codes issued are not the quotas: " + codes.size());
        }
    }

    /** 3 sections: 5 + 5 + 5 rating items on 很满意/满意/一般/不满意, the last section with 2 optional text items. */
    static QuestionnaireDraft draft() {
        List<Choice> scale = List.of(new Choice("很满意", "Very satisfied", new BigDecimal("100")),
                new Choice("满意", "Satisfied", new BigDecimal("80")),
                new Choice("一般", "Neutral", new BigDecimal("60")),
                new Choice("不满意", "Dissatisfied", BigDecimal.ZERO));
        String[][] texts = {
            {"团组织的凝聚力", "基层团组织覆盖", "团干部作风", "团员发展与教育", "团务公开"},
            {"服务青年就业创业", "关爱青少年成长", "青年志愿服务", "青年文化活动", "维护青少年权益"},
            {"对团委工作的总体评价", "团委联系青年的密切程度", "青年诉求的回应速度", "网上共青团建设", "青年之家建设"}};
        String[] sectionTitles = {"组织建设", "服务青年", "总体评价"};
        List<Section> sections = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                BigDecimal weight = i == 0 ? new BigDecimal("2") : BigDecimal.ONE;
                items.add(new Item(null, ItemKind.RATING, texts[s][i], null, weight, scale, true));
            }
            if (s == 2) {
                items.add(new Item(null, ItemKind.TEXT, "您对团委工作的意见和建议", "Suggestions", null, null, false));
                items.add(new Item(null, ItemKind.TEXT, "其他需要说明的情况", "Anything else", null, null, false));
            }
            sections.add(new Section(sectionTitles[s], null, items));
        }
        return new QuestionnaireDraft(EvaluationType.YOUTH, "青年评价测评表", "Youth evaluation",
                "本问卷不记名，请如实填写", null, sections);
    }

    /** A count over the store, e.g. {@code SELECT COUNT(*) FROM JX_QNR_RESPONSE}. */
    long count(String sql) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The codes stored as used, of every campaign. */
    Set<String> usedCodes() {
        return store.read(c -> {
            Set<String> out = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT CODE FROM JX_QNR_CODE WHERE USED = 1");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    @Override
    public void close() {
        store.close();
        Fixture.delete(dir);
    }

    /** No key project: the evaluation service is built only because campaigns feed it when closed. */
    private static final class NoProjects implements ProjectRegistry {
        @Override
        public List<ProjectStatus> projects(Locale locale) {
            return List.of();
        }

        @Override
        public Optional<KeyProject> active(String id) {
            return Optional.empty();
        }

        @Override
        public List<ProjectIndicators> indicators(Actor actor, int year) {
            return List.of();
        }

        @Override
        public List<ProjectIndicators> indicators(Actor actor, int year, long orgUnitId) {
            return List.of();
        }
    }
}
