package org.jixiao.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.performance.PerformanceYear;
import org.jixiao.api.questionnaire.AccessCode;
import org.jixiao.api.questionnaire.AnswerService;
import org.jixiao.api.questionnaire.Ballot;
import org.jixiao.api.questionnaire.Campaign;
import org.jixiao.api.questionnaire.CampaignState;
import org.jixiao.api.questionnaire.EvaluationType;
import org.jixiao.api.questionnaire.FreeText;
import org.jixiao.api.questionnaire.Questionnaire;
import org.jixiao.api.questionnaire.QuestionnaireService;
import org.jixiao.api.questionnaire.RespondentCategory;
import org.jixiao.api.questionnaire.UnitScores;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.TemplateModelException;

/**
 * Evaluation campaigns of a year under {@code /perf/<year>/campaigns}: the list with the form to start one; a
 * campaign's page ({@code /<id>}) with its details, the change form while it is a draft, codes, opening and
 * closing, the scores per unit (units below the minimum flagged until the assessment team decides) and, for the
 * city, the free-text answers; its printable slips ({@code /<id>/slips}), the codes as CSV ({@code /<id>/codes.csv})
 * and paper entry by printed code ({@code /<id>/paper}). The services decide who may do what.
 */
record CampaignPages(PageServlet pages, QuestionnaireService questionnaires, AnswerService answers,
        OrgUnitService orgUnits, RateLimiter paperPosts) {

    CampaignPages(PageServlet pages, QuestionnaireService questionnaires, AnswerService answers,
            OrgUnitService orgUnits) {
        this(pages, questionnaires, answers, orgUnits, new RateLimiter(PAPER_POSTS_PER_MINUTE));
    }

    /** Paper entry's posts per address and minute: a clerk types a slip's code and answers in a minute or so. */
    static final int PAPER_POSTS_PER_MINUTE = 20;

    /** Slips on one A4 sheet: 3 across, 6 down. */
    static final int SLIPS_PER_SHEET = 18;
    /** Sheets on one page of the browser; more codes are paged, so a page stays printable. */
    static final int SHEETS_PER_PAGE = 30;
    /** The public address of the node, for slips and CSV; else the request's own. */
    static final String PUBLIC_URL_PROPERTY = "jixiao.publicUrl";

    /** Who may prepare, open and issue codes (the city's administrators and assessors). */
    static boolean canManage(Actor actor) {
        return QuestionnairePages.canBuild(actor);
    }

    /** Who closes campaigns and decides about units below the minimum (the city's assessment team). */
    static boolean canAssess(Actor actor) {
        return PerformancePages.city(actor, Role.ASSESSOR);
    }

    /** Handles {@code /perf/<year>/campaigns[/<id>[/slips|/codes.csv|/paper|/report]]}. */
    void handle(PageServlet.Call call, PerformanceYear py) throws IOException {
        int n = call.segments.length;
        if (n == 3) {
            list(call, py);
            return;
        }
        Long id = Http.parseId(call.seg(3));
        if (id == null || n > 5) {
            throw new NotFoundException(call.path);
        }
        Campaign campaign = questionnaires.campaign(call.actor, id);
        if (campaign.year() != py.year()) {
            throw new NotFoundException(call.path);
        }
        String what = call.seg(4);
        if (what == null) {
            campaign(call, py, campaign);
        } else if ("slips".equals(what) && !call.post()) {
            slips(call, py, campaign);
        } else if ("codes.csv".equals(what) && !call.post()) {
            csv(call, campaign);
        } else if ("paper".equals(what)) {
            paper(call, py, campaign);
        } else if ("report".equals(what) && !call.post() && campaign.state() != CampaignState.DRAFT) {
            report(call, py, campaign);
        } else {
            throw new NotFoundException(call.path);
        }
    }

    private static String base(PerformanceYear py) {
        return "/perf/" + py.year() + "/campaigns";
    }

    // ---------------------------------------------------------------- list and create

    private void list(PageServlet.Call call, PerformanceYear py) throws IOException {
        Map<String, Object> model = call.model();
        List<Questionnaire> all = readable(call.actor);
        CampaignForm form = call.post() ? CampaignForm.parse(call::param, call.request::getParameterValues)
                : CampaignForm.blank();
        if (!call.post() && call.param("questionnaire") != null) {
            form.questionnaireId = call.param("questionnaire");
        }
        int status = 200;
        if (call.post() && "save".equals(call.param("op"))) {
            try {
                Campaign created = questionnaires.create(call.actor, py.year(),
                        form.toDraft(typeOf(all, form.questionnaire())));
                Http.redirect(call.response, base(py) + "/" + created.id() + "?saved=1");
                return;
            } catch (ValidationException e) {
                model.put("errors", e.fieldErrors());
                status = 400;
            }
        }
        // Anything but save ("choose" after picking another questionnaire): the form again, as posted.
        model.put("py", py);
        model.put("campaigns", questionnaires.campaigns(call.actor, py.year()));
        model.put("titles", titles(all));
        model.put("canManage", canManage(call.actor));
        formModel(model, call.actor, all, form);
        pages.render(call, status, null, "campaigns", model);
    }

    /** The questionnaires the actor may read; none for who may not (a county sees campaigns, not the builder). */
    private List<Questionnaire> readable(Actor actor) {
        try {
            return questionnaires.questionnaires(actor);
        } catch (AccessDeniedException e) {
            return List.of();
        }
    }

    private static Map<String, Questionnaire> titles(List<Questionnaire> all) {
        Map<String, Questionnaire> out = new HashMap<>();
        all.forEach(q -> out.put(String.valueOf(q.id()), q));
        return out;
    }

    private static EvaluationType typeOf(List<Questionnaire> all, Long id) {
        return all.stream().filter(q -> id != null && q.id() == id).map(Questionnaire::type).findFirst()
                .orElse(null);
    }

    /** What the campaign form needs: the questionnaires, the evaluated units, the chosen type's categories. */
    private void formModel(Map<String, Object> model, Actor actor, List<Questionnaire> all, CampaignForm form) {
        Long chosen = form.questionnaire();
        EvaluationType type = typeOf(all, chosen);
        if (type == null && !all.isEmpty()) {
            form.questionnaireId = String.valueOf(all.get(0).id());
            type = all.get(0).type();
        }
        EvaluationType t = type;
        model.put("form", form);
        model.put("questionnaires", all);
        model.put("units", orgUnits.visibleTo(actor).stream().filter(PerformancePages::evaluated).toList());
        model.put("categories", t == null ? List.of()
                : java.util.Arrays.stream(RespondentCategory.values()).filter(c -> c.type() == t).toList());
    }

    // ---------------------------------------------------------------- one campaign

    private void campaign(PageServlet.Call call, PerformanceYear py, Campaign current) throws IOException {
        Campaign campaign = current;
        Map<String, Object> model = call.model();
        List<Questionnaire> all = readable(call.actor);
        CampaignForm form = CampaignForm.of(campaign);
        int status = 200;
        if (call.post()) {
            String action = call.param("action");
            boolean change = "change".equals(action);
            if (change) {
                form = CampaignForm.parse(call::param, call.request::getParameterValues);
                // "choose" after picking another questionnaire: the form again, as posted, with its categories.
                model.put("failedAction", "change");
            }
            try {
                if (!change || "save".equals(call.param("op"))) {
                    String done = act(call, campaign, action, form, all);
                    Http.redirect(call.response, base(py) + "/" + campaign.id() + "?" + done);
                    return;
                }
            } catch (ValidationException e) {
                model.put("errors", e.fieldErrors());
                model.put("failedAction", action);
                model.put("failedUnit", call.param("unit") == null ? "" : call.param("unit"));
                model.put("submittedReason", call.request.getParameter("reason"));
                status = 400;
                campaign = questionnaires.campaign(call.actor, campaign.id());
            }
        }
        Actor actor = call.actor;
        Campaign shown = campaign;
        Map<String, OrgUnit> units = new HashMap<>();
        orgUnits.visibleTo(actor).forEach(u -> units.put(String.valueOf(u.id()), u));
        model.put("py", py);
        model.put("campaign", shown);
        model.put("questionnaire", all.stream().filter(q -> q.id() == shown.questionnaireId()).findFirst()
                .orElse(null));
        model.put("unitNames", units);
        // Codes are not read here: every read of them is audited, and only the city's managers may.
        model.put("codesPlanned", shown.orgUnitIds().size()
                * shown.quotas().stream().mapToLong(q -> q.quota()).sum());
        model.put("issued", Http.parseId(call.param("issued")));
        model.put("canManage", canManage(actor));
        model.put("canAssess", canAssess(actor));
        model.put("canPaper", actor.canWrite() && actor.orgUnit().parentId() == null);
        List<UnitScores> scores = shown.state() == CampaignState.DRAFT ? List.of()
                : questionnaires.scores(actor, shown.id());
        model.put("scores", scores);
        // A closed campaign whose scores did not all reach the evaluation may be closed again to feed them.
        model.put("unfed", shown.state() == CampaignState.CLOSED
                && scores.stream().anyMatch(u -> !u.fed() && !u.belowMinimum() && u.score() != null));
        model.put("freeTexts", freeTexts(actor, shown));
        model.put("decisions", List.of(UnitScores.Decision.USE, UnitScores.Decision.EXCLUDE));
        model.put("justSaved", call.param("saved") != null || call.param("issued") != null);
        if (shown.state() == CampaignState.DRAFT) {
            formModel(model, actor, all, form);
        }
        pages.render(call, status, null, "campaign", model);
    }

    /**
     * The results as an office prints and files them: the red header, each unit's score with its responses against
     * its quota, then by respondent category and by question; free text for the city only, as on the campaign page.
     */
    private void report(PageServlet.Call call, PerformanceYear py, Campaign campaign) throws IOException {
        Map<String, Object> model = call.model();
        boolean taken = Documents.header(model, pages.documents(), new Messages(call.locale), py.year(),
                call.param("number"), java.time.LocalDate.now());
        model.put("py", py);
        model.put("campaign", campaign);
        model.put("scores", questionnaires.scores(call.actor, campaign.id()));
        model.put("freeTexts", freeTexts(call.actor, campaign));
        pages.render(call, taken ? 200 : 400, null, "perf-campaign-report", model);
    }

    /** One of the campaign page's forms: change, issue, open, close, decide; what the page then says. */
    private String act(PageServlet.Call call, Campaign campaign, String action, CampaignForm form,
            List<Questionnaire> all) {
        switch (action == null ? "" : action) {
            case "change" -> questionnaires.change(call.actor, campaign.id(),
                    form.toDraft(typeOf(all, form.questionnaire())));
            case "issue" -> {
                return "issued=" + questionnaires.issueCodes(call.actor, campaign.id()).size();
            }
            case "open" -> questionnaires.open(call.actor, campaign.id());
            case "close" -> questionnaires.close(call.actor, campaign.id());
            case "decide" -> {
                Long unit = Http.parseId(call.param("unit"));
                if (unit == null) {
                    throw new NotFoundException(call.path);
                }
                UnitScores.Decision decision = PageServlet.enumOrNull(UnitScores.Decision.class,
                        call.param("decision"));
                if (decision == null || decision == UnitScores.Decision.NONE) {
                    throw ValidationException.of("decision", "campaignForm.decision.required");
                }
                questionnaires.decide(call.actor, campaign.id(), unit, decision,
                        call.request.getParameter("reason"));
            }
            default -> throw new NotFoundException(call.path);
        }
        return "saved=1";
    }

    /** The free-text answers, one group a unit; the city's only (others see none). */
    private List<List<FreeText>> freeTexts(Actor actor, Campaign campaign) {
        if (actor.orgUnit().parentId() != null || campaign.state() != CampaignState.CLOSED) {
            return List.of();
        }
        try {
            return questionnaires.freeTexts(actor, campaign.id()).values().stream().filter(l -> !l.isEmpty())
                    .toList();
        } catch (AccessDeniedException e) {
            return List.of();
        }
    }

    // ---------------------------------------------------------------- slips and CSV

    /** The address respondents type or scan: the configured public URL, else this request's scheme, host and port. */
    static String publicBase(PageServlet.Call call) {
        String configured = System.getProperty(PUBLIC_URL_PROPERTY);
        if (configured != null && (configured.startsWith("https://") || configured.startsWith("http://"))) {
            return configured.replaceAll("/+$", "");
        }
        String scheme = call.request.getScheme();
        int port = call.request.getServerPort();
        boolean standard = port <= 0 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + call.request.getServerName() + (standard ? "" : ":" + port);
    }

    private List<AccessCode> codes(PageServlet.Call call, Campaign campaign) {
        Long unit = Http.parseId(call.param("unit"));
        return questionnaires.codes(call.actor, campaign.id(), unit);
    }

    private void slips(PageServlet.Call call, PerformanceYear py, Campaign campaign) throws IOException {
        List<AccessCode> codes = codes(call, campaign);
        int perPage = SLIPS_PER_SHEET * SHEETS_PER_PAGE;
        int pageCount = Math.max(1, (codes.size() + perPage - 1) / perPage);
        int page = Math.min(PageServlet.pageParam(call), pageCount);
        String base = publicBase(call);
        Messages messages = new Messages(call.locale);
        List<List<Map<String, Object>>> sheets = new ArrayList<>();
        List<AccessCode> shown = codes.subList((page - 1) * perPage, Math.min(codes.size(), page * perPage));
        for (int i = 0; i < shown.size(); i++) {
            if (i % SLIPS_PER_SHEET == 0) {
                sheets.add(new ArrayList<>());
            }
            sheets.get(sheets.size() - 1).add(slip(shown.get(i), base, messages));
        }
        Map<String, Object> model = call.model();
        model.put("py", py);
        model.put("campaign", campaign);
        model.put("sheets", sheets);
        model.put("page", page);
        model.put("pages", pageCount);
        model.put("total", codes.size());
        model.put("unit", call.param("unit") == null ? "" : call.param("unit"));
        model.put("units", campaignUnits(call.actor, campaign));
        model.put("publicBase", base);
        pages.render(call, 200, null, "campaign-slips", model);
    }

    /** One slip: the code in groups, its unit and category, its address and the address's QR code as markup. */
    static Map<String, Object> slip(AccessCode c, String base, Messages messages) {
        String url = base + "/q/" + c.code();
        Map<String, Object> slip = new LinkedHashMap<>();
        slip.put("code", BallotPages.grouped(c.code()));
        slip.put("unit", c.orgUnitName());
        slip.put("category", c.category().name());
        slip.put("url", url);
        slip.put("qr", markup(QrSvg.svg(url, 24, messages.get("slips.qr"))));
        return slip;
    }

    private static Object markup(String svg) {
        try {
            return HTMLOutputFormat.INSTANCE.fromMarkup(svg);
        } catch (TemplateModelException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The campaign's units the actor sees, in the campaign's order. */
    private List<OrgUnit> campaignUnits(Actor actor, Campaign campaign) {
        Map<Long, OrgUnit> visible = new HashMap<>();
        orgUnits.visibleTo(actor).forEach(u -> visible.put(u.id(), u));
        return campaign.orgUnitIds().stream().map(visible::get).filter(u -> u != null).toList();
    }

    private void csv(PageServlet.Call call, Campaign campaign) throws IOException {
        Messages messages = new Messages(call.locale);
        String base = publicBase(call);
        Csv csv = new Csv().row(List.of(messages.get("codes.csv.code"), messages.get("codes.csv.unit"),
                messages.get("codes.csv.category"), messages.get("codes.csv.url")));
        for (AccessCode c : codes(call, campaign)) {
            csv.row(List.of(c.code(), c.orgUnitName(), messages.get("respondent." + c.category().name()),
                    base + "/q/" + c.code()));
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        call.response.setStatus(200);
        call.response.setContentType("text/csv;charset=UTF-8");
        call.response.setHeader("Content-Disposition",
                Http.attachment("campaign-" + campaign.id() + "-codes.csv"));
        call.response.setContentLength(bytes.length);
        if (!"HEAD".equals(call.request.getMethod())) {
            call.response.getOutputStream().write(bytes);
        }
    }

    // ---------------------------------------------------------------- paper entry

    /**
     * Staff type a printed code ({@code op=load}) and get the same form as the respondent, which they fill in
     * from the paper and submit ({@code op=submit}); the one-answer rule holds as online.
     */
    private void paper(PageServlet.Call call, PerformanceYear py, Campaign campaign) throws IOException {
        Map<String, Object> model = call.model();
        model.put("py", py);
        model.put("campaign", campaign);
        model.put("action", base(py) + "/" + campaign.id() + "/paper");
        model.put("justSaved", call.param("saved") != null);
        model.put("answers", Map.of());
        if (!call.post()) {
            pages.render(call, 200, null, "campaign-paper", model);
            return;
        }
        // As on /q: whoever holds a login must not be able to try codes by the thousand.
        String client = call.actor.username() + "@" + Http.client(call.request);
        if (!paperPosts.allow(client)) {
            call.response.setHeader("Retry-After", String.valueOf(paperPosts.retryAfterSeconds(client)));
            pages.errorPage(call, 429, "q.tooMany");
            return;
        }
        String typed = call.param("code");
        model.put("typed", typed == null ? "" : typed);
        String code = AnswerService.normalise(typed);
        Ballot ballot;
        try {
            if (code == null) {
                throw ValidationException.of("code", "answer.code.unknown");
            }
            ballot = answers.paperBallot(call.actor, code);
            // The code decides the campaign; a code of another one is said so rather than entered here. (The
            // campaign's codes are not listed to check: that is the city managers' alone, and audited.)
            if (ballot.questionnaire().id() != campaign.questionnaireId()
                    || !ballot.campaignName().equals(campaign.name())) {
                throw ValidationException.of("code", "paper.otherCampaign");
            }
        } catch (ValidationException e) {
            model.put("codeError", e.fieldErrors().getOrDefault("code", "answer.code.unknown"));
            pages.render(call, 400, null, "campaign-paper", model);
            return;
        }
        model.put("ballot", ballot);
        model.put("grouped", BallotPages.grouped(code));
        model.put("code", code);
        if (!"submit".equals(call.param("op"))) {
            pages.render(call, 200, null, "campaign-paper", model);
            return;
        }
        Map<String, String> submitted = BallotPages.submitted(ballot.questionnaire().items(), call::param);
        try {
            answers.submitPaper(call.actor, code, BallotPages.answers(ballot.questionnaire().items(), submitted));
        } catch (ValidationException e) {
            String codeKey = e.fieldErrors().get("code");
            if (codeKey != null) {
                model.remove("ballot");
                model.put("codeError", codeKey);
            } else {
                model.put("answers", submitted);
                model.put("errors", e.fieldErrors());
            }
            pages.render(call, 400, null, "campaign-paper", model);
            return;
        }
        Http.redirect(call.response, base(py) + "/" + campaign.id() + "/paper?saved=1");
    }
}
