package org.jixiao.web.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.FieldKeyStatus;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitDraft;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.assessment.EvaluationService;
import org.jixiao.api.performance.ManualIndicatorService;
import org.jixiao.api.performance.MilestoneService;
import org.jixiao.api.performance.PerformanceCycle;
import org.jixiao.api.performance.PerformanceYear;
import org.jixiao.api.performance.SelfAssessmentService;
import org.jixiao.api.performance.TargetService;
import org.jixiao.api.performance.TrackingService;
import org.jixiao.api.federation.SyncHealth;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.project.ProjectState;
import org.jixiao.api.project.ProjectStatus;
import org.jixiao.api.questionnaire.AnswerService;
import org.jixiao.api.questionnaire.QuestionnaireService;
import org.jixiao.api.security.Authentication;
import org.jixiao.api.security.LoginResult;
import org.jixiao.api.security.User;
import org.jixiao.api.security.UserDraft;
import org.jixiao.api.security.UserService;
import org.jixiao.api.sheet.SpreadsheetWriter;
import org.jixiao.api.store.StoreBusyException;
import org.jixiao.api.web.WebHandler;
import org.jixiao.api.web.WebResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Every HTML page: login, home, administration, and the pages of key projects under {@code /p/<id>/}. All
 * authentication, CSRF checking, translation and error pages happen here, once, for core and plugin alike.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/*")
// Evidence uploads: a part over the limit fails the parse, which is answered as "file too large".
@HttpWhiteboardServletMultipart(enabled = true, fileSizeThreshold = 1024 * 1024,
        maxFileSize = ManualIndicatorService.FILE_SIZE_MAX, maxRequestSize = ManualIndicatorService.FILE_SIZE_MAX
        + 1024 * 1024)
public final class PageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(PageServlet.class.getName());
    private static final int PAGE_SIZE = 20;
    /** What {@link Call#submit} returns when the form's action was done: the browser is sent on, nothing to render. */
    static final int REDIRECTED = 0;
    /** The model key by which a project's page asks to be printed as a document of that year. */
    static final String DOCUMENT_YEAR = "documentYear";
    /**
     * Failed logins a client address may make a minute. Plenty for people who mistype; a guesser from one address
     * gets no more, across all names (and five per name and quarter of an hour, by the core's lock).
     */
    static final int FAILED_LOGINS_PER_MINUTE = 10;

    private final transient WebSessions sessions;
    private final transient Templates templates;
    private final transient Authentication authentication;
    private final transient UserService users;
    private final transient OrgUnitService orgUnits;
    static final int PUBLIC_POSTS_PER_MINUTE = 5;

    private final transient ProjectRegistry projects;
    private final transient ProjectGate projectGate;
    private final transient PerformancePages performance;
    private final transient MilestoneService milestones;
    private final transient QuestionnairePages questionnaires;
    private final transient BallotPages ballots;
    private final transient Dashboard dashboard;
    private final transient DocumentHeader documents;
    private final transient PerformanceCycle cycle;
    /** Replication's state on a county or city node; a standalone node has none, and no sync page. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    transient volatile SyncHealth sync;
    /** The register engine's .xlsx writer; the pages offer .xlsx only while it is there. */
    private transient volatile SpreadsheetWriter sheets;
    private final transient FieldKeyStatus fieldKey;
    private final transient RateLimiter failedLogins = new RateLimiter(FAILED_LOGINS_PER_MINUTE);
    /** Posts to public pages (objections to a notice) per client address and minute. */
    private final transient RateLimiter publicPosts = new RateLimiter(PUBLIC_POSTS_PER_MINUTE);

    @Activate
    public PageServlet(@Reference WebSessions sessions, @Reference Templates templates,
            @Reference Authentication authentication, @Reference UserService users,
            @Reference OrgUnitService orgUnits, @Reference ProjectRegistry projects,
            @Reference PerformanceCycle cycle, @Reference TargetService targets,
            @Reference EvaluationService evaluations, @Reference SelfAssessmentService selfAssessments,
            @Reference MilestoneService milestones, @Reference TrackingService tracking,
            @Reference ManualIndicatorService manual, @Reference QuestionnaireService questionnaireService,
            @Reference AnswerService answers, @Reference FieldKeyStatus fieldKey,
            @Reference DocumentHeader documents, @Reference Dashboard dashboard) {
        this.documents = documents;
        this.dashboard = dashboard;
        this.cycle = cycle;
        this.sessions = sessions;
        this.templates = templates;
        this.authentication = authentication;
        this.users = users;
        this.orgUnits = orgUnits;
        this.projects = projects;
        this.projectGate = new ProjectGate(projects);
        this.milestones = milestones;
        this.fieldKey = fieldKey;
        this.performance = new PerformancePages(this, cycle, targets, orgUnits, evaluations, selfAssessments,
                milestones, tracking, manual, questionnaireService, answers);
        this.questionnaires = new QuestionnairePages(this, questionnaireService);
        this.ballots = new BallotPages(this, sessions, answers);
    }

    /** One request's state. */
    static final class Call {
        final HttpServletRequest request;
        final HttpServletResponse response;
        final Locale locale;
        final String path;
        final String[] segments;
        WebSession session;
        Actor actor;

        Call(HttpServletRequest request, HttpServletResponse response) {
            this.request = request;
            this.response = response;
            this.path = Http.path(request);
            this.locale = path.equals("/q") || path.startsWith("/q/") ? Http.respondentLocale(request)
                    : Http.locale(request);
            this.segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
        }

        boolean post() {
            return "POST".equals(request.getMethod());
        }

        String seg(int i) {
            return i < segments.length ? segments[i] : null;
        }

        String param(String name) {
            return Http.trimmed(request.getParameter(name));
        }

        Map<String, Object> model() {
            Map<String, Object> model = new HashMap<>();
            model.put("actor", actor);
            model.put("lang", Http.lang(locale));
            model.put("csrfToken", session == null ? "" : session.csrfToken);
            model.put("path", path);
            model.put("errors", new HashMap<String, String>());
            model.put("isAdmin", actor != null && actor.has(Role.ADMIN));
            model.put("base", "");
            // A printed page says when it was printed, for whom: the day, in the node's zone.
            model.put("printedOn", LocalDate.now().toString());
            return model;
        }

        /**
         * The post/redirect/get of a page whose forms name what they do in {@code action}. On a POST, runs
         * {@code action} with that name ("" when none) and sends the browser to {@code done}; when a service
         * refuses what was sent, puts its {@code errors} and the {@code failedAction} in the model, lets
         * {@code refused} put back what the form is to show again, and returns 400. Returns 200 for anything but a
         * POST, and {@link #REDIRECTED} once the browser has been sent on.
         */
        int submit(Map<String, Object> model, String done, FormAction action,
                Consumer<ValidationException> refused) throws IOException {
            if (!post()) {
                return 200;
            }
            String name = param("action");
            try {
                action.run(name == null ? "" : name);
                Http.redirect(response, done);
                return REDIRECTED;
            } catch (ValidationException e) {
                model.put("errors", e.fieldErrors());
                model.put("failedAction", name);
                refused.accept(e);
                return 400;
            }
        }
    }

    /** What a page does with a posted form, given the name of its action. */
    interface FormAction {
        void run(String action) throws IOException;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean decodable = Http.prepare(request, response);
        Call call = new Call(request, response);
        if (!decodable) {
            boolean upload = request.getContentType() != null
                    && request.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/");
            // A multipart body fails to decode when a file is over the limit; say so rather than "bad request".
            errorPage(call, upload ? 413 : 400, upload ? "upload.tooLarge" : "error.badRequest");
            return;
        }
        String method = request.getMethod();
        if (!"GET".equals(method) && !"POST".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, POST, HEAD");
            errorPage(call, 405, "error.methodNotAllowed");
            return;
        }
        try {
            dispatch(call);
        } catch (NotFoundException e) {
            errorPage(call, 404, "error.notFound");
        } catch (ProjectGate.Unavailable e) {
            response.setHeader("Retry-After", String.valueOf(ProjectGate.RETRY_AFTER_SECONDS));
            errorPage(call, 503, "error.projectUpdating");
        } catch (StoreBusyException e) {
            if (!response.isCommitted()) {
                response.setHeader("Retry-After", String.valueOf(Http.BUSY_RETRY_AFTER_SECONDS));
                errorPage(call, 503, "error.busy");
            }
        } catch (AccessDeniedException e) {
            errorPage(call, 403, "error.forbidden");
        } catch (ValidationException e) {
            errorPage(call, 400, e.fieldErrors().isEmpty() ? "error.validation"
                    : e.fieldErrors().values().iterator().next());
        } catch (RuntimeException e) {
            // A respondent's one-time code stays out of the log.
            String logged = call.path.startsWith("/q/") ? "/q/…" : call.path;
            LOG.log(System.Logger.Level.ERROR, "Request " + method + " " + logged + " failed", e);
            if (!response.isCommitted()) {
                errorPage(call, 500, "error.internal");
            }
        }
    }

    private void dispatch(Call call) throws IOException {
        String first = call.seg(0);
        if ("login".equals(first) && call.segments.length == 1) {
            login(call);
            return;
        }
        if ("lang".equals(first) && call.segments.length == 1) {
            switchLanguage(call);
            return;
        }
        if ("favicon.ico".equals(first)) {
            throw new NotFoundException("favicon");
        }
        if ("q".equals(first)) {
            // Respondents answer by one-time code, without an account.
            ballots.handle(call);
            return;
        }
        if ("pub".equals(first)) {
            // A project's public notices: the only pages besides /q and /login that need no account.
            publicPage(call);
            return;
        }
        if (!authenticate(call)) {
            return;
        }
        if (first == null) {
            Http.redirect(call.response, "/home");
            return;
        }
        if ("logout".equals(first) && call.post()) {
            sessions.end(call.request, call.session, call.response);
            Http.redirect(call.response, "/login");
            return;
        }
        if ("password".equals(first) && call.segments.length == 1) {
            password(call);
            return;
        }
        if (call.session.mustChangePassword) {
            Http.redirect(call.response, "/password");
            return;
        }
        switch (first) {
            case "home" -> home(call);
            case "dashboard" -> dashboard(call);
            case "admin" -> admin(call);
            case "account" -> account(call);
            case "p" -> project(call);
            case "perf" -> performance.handle(call);
            case "questionnaires" -> questionnaires.handle(call);
            default -> throw new NotFoundException(call.path);
        }
    }

    /** Resolves the session's user; sends the visitor to the login page when there is none. */
    private boolean authenticate(Call call) throws IOException {
        Optional<WebSession> session = sessions.find(call.request);
        if (session.isPresent() && session.get().authenticated()) {
            Optional<Actor> actor = authentication.actor(session.get().userId, call.locale);
            if (actor.isPresent()) {
                call.session = session.get();
                call.actor = actor.get();
                if (call.post() && !WebSessions.csrfMatches(call.session, call.request.getParameter("_csrf"))) {
                    errorPage(call, 403, "error.csrf");
                    return false;
                }
                return true;
            }
            sessions.end(call.request, session.get(), call.response);
        }
        Http.redirect(call.response, "/login");
        return false;
    }

    // ---- login, language, password -------------------------------------------------------------------------

    private void login(Call call) throws IOException {
        call.session = sessions.findOrCreate(call.request, call.response);
        if (!call.post()) {
            if (call.session.authenticated()) {
                Http.redirect(call.response, "/home");
                return;
            }
            render(call, 200, null, "login", call.model());
            return;
        }
        if (!WebSessions.csrfMatches(call.session, call.request.getParameter("_csrf"))) {
            errorPage(call, 403, "error.csrf");
            return;
        }
        String username = call.param("username");
        String password = call.request.getParameter("password");
        Map<String, Object> model = call.model();
        model.put("username", username);
        if (username == null || password == null || password.isEmpty()) {
            model.put("loginError", "login.missing");
            render(call, 400, null, "login", model);
            return;
        }
        String client = Http.client(call.request);
        if (!failedLogins.available(client)) {
            // Before any password is checked: a guesser from one address gets FAILED_LOGINS_PER_MINUTE tries, whatever
            // the names, and the owner elsewhere is not slowed down.
            call.response.setHeader("Retry-After", String.valueOf(failedLogins.retryAfterSeconds(client)));
            model.put("loginError", "login.throttled");
            render(call, 429, null, "login", model);
            return;
        }
        LoginResult result = authentication.login(username, password.toCharArray(), client, call.locale);
        if (!result.ok()) {
            // Only failures pay: a county office behind one address logs its whole staff in at nine.
            failedLogins.allow(client);
        }
        switch (result.status()) {
            case OK -> {
                sessions.end(call.request, call.session, call.response);
                WebSession fresh = sessions.start(call.request, call.response, result.actor().userId());
                fresh.mustChangePassword = result.mustChangePassword();
                Http.redirect(call.response, result.mustChangePassword() ? "/password" : "/home");
            }
            case LOCKED -> {
                // The same words for a name that exists and one that does not: the core locks both alike.
                model.put("loginError", "login.tooManyTries");
                render(call, 401, null, "login", model);
            }
            case DISABLED -> {
                model.put("loginError", "login.disabled");
                render(call, 401, null, "login", model);
            }
            default -> {
                model.put("loginError", "login.invalid");
                render(call, 401, null, "login", model);
            }
        }
    }

    private void switchLanguage(Call call) {
        String to = "en".equals(call.param("to")) ? "en" : "zh-CN";
        call.response.addHeader("Set-Cookie", Http.LANG_COOKIE + "=" + to
                + "; Path=/; Max-Age=31536000; SameSite=Strict" + sessions.secureFlag(call.request));
        Http.redirect(call.response, Http.safeLocalPath(call.param("back"), "/"));
    }

    private void password(Call call) throws IOException {
        Map<String, Object> model = call.model();
        model.put("mustChange", call.session.mustChangePassword);
        if (call.post()) {
            String current = call.request.getParameter("currentPassword");
            String fresh = call.request.getParameter("newPassword");
            String repeat = call.request.getParameter("repeatPassword");
            try {
                if (fresh == null || !fresh.equals(repeat)) {
                    throw ValidationException.of("repeatPassword", "password.mismatch");
                }
                authentication.changePassword(call.actor, chars(current), chars(fresh), call.session.origin);
                // Whoever else held a session of this account (perhaps who learnt the old password) is out.
                sessions.restart(call.request, call.response, call.session);
                Http.redirect(call.response, "/home?changed=1");
                return;
            } catch (ValidationException e) {
                model.put("errors", e.fieldErrors());
                render(call, 400, null, "password", model);
                return;
            }
        }
        render(call, 200, null, "password", model);
    }

    static char[] chars(String s) {
        return s == null ? new char[0] : s.toCharArray();
    }

    // ---- home -----------------------------------------------------------------------------------------------

    private void home(Call call) throws IOException {
        if (call.segments.length != 1) {
            throw new NotFoundException(call.path);
        }
        int year = ApiServlet.year(call.param("year"));
        Map<String, Object> model = call.model();
        model.put("year", year);
        model.put("indicators", projects.indicators(call.actor, year));
        List<ProjectStatus> statuses = projects.projects(call.locale);
        model.put("projects", call.actor.has(Role.ADMIN) ? statuses
                : statuses.stream().filter(s -> s.state() == ProjectState.ACTIVE).toList());
        model.put("changed", call.param("changed") != null);
        if (call.actor.has(Role.ADMIN)) {
            // Why the projects with encrypted fields wait: a lost or swapped key file.
            model.put("fieldKeyProblem", fieldKey.problem(call.locale));
        }
        model.put("overdue", dashboard.overdue(call.actor, year, LocalDate.now()));
        render(call, 200, null, "home", model);
    }

    /** The units in scope side by side: tables here, charts drawn by dashboard.js from the same JSON. */
    private void dashboard(Call call) throws IOException {
        if (call.segments.length != 1) {
            throw new NotFoundException(call.path);
        }
        Map<String, Object> model = call.model();
        Long unit = Dashboard.unit(call.param("unit"));
        model.putAll(dashboard.board(call.actor, ApiServlet.year(call.param("year")), LocalDate.now(),
                call.param("project"), call.param("trend"), unit));
        if (unit != null) {
            model.put("unitParam", String.valueOf(unit));
        }
        model.put("scripts", List.of("/static/echarts.min.js", "/static/dashboard.js"));
        render(call, 200, null, "dashboard", model);
    }

    /**
     * Where replication stands: at the city, each county's last change, what waits, the lag, and every refused
     * change with its reason, for the city's administrators only (a county's administrator has no business seeing
     * the other counties); at a county, its backlog.
     */
    private void syncPage(Call call) throws IOException {
        SyncHealth health = sync;
        if (health == null) {
            throw new NotFoundException(call.path);
        }
        SyncHealth.Summary summary = health.summary();
        if ("city".equals(summary.role()) && call.actor.orgUnit().id() != orgUnits.root().id()) {
            throw new AccessDeniedException("sync");
        }
        Map<String, Object> model = call.model();
        model.put("summary", summary);
        model.put("counties", "city".equals(summary.role()) ? health.counties() : List.of());
        model.put("lagSeconds", summary.lag() == null ? null : summary.lag().toSeconds());
        render(call, 200, null, "sync", model);
    }

    /** The settings page's service: absent where there is no Config Admin. */
    private transient volatile DocumentSettings documentSettings;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindDocumentSettings(DocumentSettings settings) {
        this.documentSettings = settings;
    }

    void unbindDocumentSettings(DocumentSettings settings) {
        if (this.documentSettings == settings) {
            this.documentSettings = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindSheets(SpreadsheetWriter writer) {
        sheets = writer;
    }

    void unbindSheets(SpreadsheetWriter writer) {
        if (sheets == writer) {
            sheets = null;
        }
    }

    /** Sends a table as an .xlsx download; 404 while no writer is installed. */
    void sendXlsx(Call call, String fileName, String sheetName, List<String> headers, List<List<Object>> rows)
            throws IOException {
        SpreadsheetWriter writer = sheets;
        if (writer == null) {
            throw new NotFoundException(call.path);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        writer.xlsx(sheetName, headers, rows, out);
        call.response.setStatus(200);
        call.response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        call.response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        call.response.setContentLength(out.size());
        out.writeTo(call.response.getOutputStream());
    }

    /** Whether the pages may offer .xlsx downloads. */
    boolean xlsx() {
        return sheets != null;
    }

    /** The red header of the documents the city prints, as configured. */
    DocumentHeader documents() {
        return documents;
    }

    // ---- administration -------------------------------------------------------------------------------------

    private void admin(Call call) throws IOException {
        if (!call.actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("admin");
        }
        String what = call.seg(1);
        if ("units".equals(what)) {
            units(call);
        } else if ("users".equals(what)) {
            users(call);
        } else if ("sync".equals(what) && call.segments.length == 2) {
            syncPage(call);
        } else if ("documents".equals(what) && call.segments.length == 2 && documentSettings != null
                && DocumentSettings.mayChange(call.actor)) {
            documentSettings(call, documentSettings);
        } else {
            throw new NotFoundException(call.path);
        }
    }

    /** The red header of printed documents: the committee's name and the number prefix, with a preview. */
    private void documentSettings(Call call, DocumentSettings settings) throws IOException {
        Map<String, Object> model = call.model();
        int status = call.submit(model, "/admin/documents?saved=1",
                action -> settings.save(call.actor, call.param("committee"), call.param("numberPrefix")), e -> {
                    model.put("committee", Objects.requireNonNullElse(call.param("committee"), ""));
                    model.put("numberPrefix", Objects.requireNonNullElse(call.param("numberPrefix"), ""));
                });
        if (status == REDIRECTED) {
            return;
        }
        DocumentSettings.Settings current = settings.current();
        model.putIfAbsent("committee", current.committee());
        model.putIfAbsent("numberPrefix", current.numberPrefix());
        Messages messages = new Messages(call.locale);
        model.put("previewCommittee", current.committee().isEmpty() ? orgUnits.root().name() : current.committee());
        model.put("previewNumber", messages.get("document.number", current.numberPrefix().isEmpty()
                ? messages.get("document.numberPrefix") : current.numberPrefix(), String.valueOf(java.time.Year.now()
                        .getValue()), "1"));
        model.put("committeeMax", DocumentSettings.COMMITTEE_MAX);
        model.put("prefixMax", DocumentSettings.PREFIX_MAX);
        model.put("saved", call.param("saved") != null);
        render(call, status, null, "documents-settings", model);
    }

    private void units(Call call) throws IOException {
        String idText = call.seg(2);
        if (idText == null) {
            Map<String, Object> model = unitsModel(call);
            if (call.post()) {
                saveUnit(call, model, "units", draft -> orgUnits.create(call.actor, draft));
                return;
            }
            model.put("saved", call.param("saved") != null);
            render(call, 200, null, "units", model);
            return;
        }
        Long id = Http.parseId(idText);
        OrgUnit unit = id == null ? null : orgUnits.findVisible(call.actor, id).orElse(null);
        if (unit == null || call.segments.length > 3) {
            throw new NotFoundException(call.path);
        }
        Map<String, Object> model = call.model();
        model.put("unit", unit);
        model.put("levels", OrgLevel.values());
        if (call.post()) {
            saveUnit(call, model, "unit-edit", draft -> orgUnits.update(call.actor, unit.id(), draft));
            return;
        }
        model.put("form", new OrgUnitDraft(unit.parentId(), unit.code(), unit.name(), unit.level()));
        render(call, 200, null, "unit-edit", model);
    }

    /** Saves the posted org unit and goes back to the list; a refused form shows again on {@code template}. */
    private void saveUnit(Call call, Map<String, Object> model, String template, Consumer<OrgUnitDraft> save)
            throws IOException {
        OrgUnitDraft draft = unitDraft(call);
        try {
            save.accept(draft);
            Http.redirect(call.response, "/admin/units?saved=1");
        } catch (ValidationException e) {
            model.put("errors", e.fieldErrors());
            model.put("form", draft);
            render(call, 400, null, template, model);
        }
    }

    private Map<String, Object> unitsModel(Call call) {
        Map<String, Object> model = call.model();
        List<OrgUnit> tree = orgUnits.visibleTo(call.actor);
        model.put("units", tree);
        model.put("depth", depths(tree));
        model.put("levels", OrgLevel.values());
        model.put("form", new OrgUnitDraft(call.actor.orgUnit().id(), "", "", OrgLevel.COUNTY));
        return model;
    }

    /** Depth of each unit below the viewer's own, for indenting the tree. */
    private static Map<String, Integer> depths(List<OrgUnit> tree) {
        Map<String, Integer> depth = new HashMap<>();
        if (tree.isEmpty()) {
            return depth;
        }
        int rootSlashes = slashes(tree.get(0).path());
        for (OrgUnit u : tree) {
            depth.put(String.valueOf(u.id()), slashes(u.path()) - rootSlashes);
        }
        return depth;
    }

    private static int slashes(String path) {
        return (int) path.chars().filter(c -> c == '/').count();
    }

    private static OrgUnitDraft unitDraft(Call call) {
        return new OrgUnitDraft(Http.parseId(call.param("parentId")), call.param("code"), call.param("name"),
                enumOrNull(OrgLevel.class, call.param("level")));
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void users(Call call) throws IOException {
        String second = call.seg(2);
        if (second == null) {
            if (call.post()) {
                UserDraft draft = userDraft(call, true);
                try {
                    User created = users.create(call.actor, draft);
                    Http.redirect(call.response, "/admin/users/" + created.id() + "?created=1");
                } catch (ValidationException e) {
                    Map<String, Object> model = userFormModel(call, draft, null);
                    model.put("errors", e.fieldErrors());
                    render(call, 400, null, "user-edit", model);
                }
                return;
            }
            int page = pageParam(call);
            Map<String, Object> model = call.model();
            model.put("q", call.param("q") == null ? "" : call.param("q"));
            model.put("page", users.list(call.actor, call.param("q"), page, PAGE_SIZE));
            model.put("grantNames", RoleChoices.of(projects, call.locale).byId());
            render(call, 200, null, "users", model);
            return;
        }
        if ("new".equals(second) && call.segments.length == 3 && !call.post()) {
            render(call, 200, null, "user-edit", userFormModel(call,
                    new UserDraft("", "", EnumSet.of(Role.STAFF), call.actor.orgUnit().id(), true, "", Set.of()),
                    null));
            return;
        }
        Long id = Http.parseId(second);
        if (id == null) {
            throw new NotFoundException(call.path);
        }
        User user = users.get(call.actor, id);
        String action = call.seg(3);
        if (action == null) {
            if (call.post()) {
                UserDraft draft = userDraft(call, false);
                try {
                    users.update(call.actor, id, draft);
                    if (!draft.enabled()) {
                        sessions.endAllOf(id);
                    }
                    Http.redirect(call.response, "/admin/users/" + id + "?saved=1");
                } catch (ValidationException e) {
                    Map<String, Object> model = userFormModel(call, draft, user);
                    model.put("errors", e.fieldErrors());
                    render(call, 400, null, "user-edit", model);
                }
                return;
            }
            Map<String, Object> model = userFormModel(call, asDraft(user), user);
            model.put("saved", call.param("saved") != null);
            model.put("created", call.param("created") != null);
            render(call, 200, null, "user-edit", model);
            return;
        }
        if (!call.post() || call.segments.length != 4) {
            throw new NotFoundException(call.path);
        }
        switch (action) {
            case "reset-password" -> {
                String password = users.resetPassword(call.actor, id);
                sessions.endAllOf(id);
                Map<String, Object> model = userFormModel(call, asDraft(user), users.get(call.actor, id));
                model.put("newPassword", password);
                render(call, 200, null, "user-edit", model);
            }
            case "unlock" -> {
                users.unlock(call.actor, id);
                Http.redirect(call.response, "/admin/users/" + id + "?saved=1");
            }
            default -> throw new NotFoundException(call.path);
        }
    }

    private static UserDraft asDraft(User user) {
        return new UserDraft(user.username(), user.displayName(), user.roles(), user.orgUnitId(), user.enabled(), null,
                user.grants());
    }

    private Map<String, Object> userFormModel(Call call, UserDraft draft, User user) {
        Map<String, Object> model = call.model();
        model.put("form", draft);
        model.put("user", user);
        model.put("roles", Role.values());
        model.put("units", orgUnits.visibleTo(call.actor));
        RoleChoices choices = RoleChoices.of(projects, call.locale);
        Set<String> checked = draft.grants() != null ? draft.grants() : user != null ? user.grants() : Set.of();
        model.put("roleGroups", choices.groups());
        model.put("checkedGrants", checked);
        // Offered like the others, so that saving keeps them and unticking withdraws them.
        model.put("awayGrants", choices.away(user == null ? Set.of() : user.grants()));
        return model;
    }

    private static UserDraft userDraft(Call call, boolean creating) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String[] values = call.request.getParameterValues("roles");
        if (values != null) {
            for (String v : values) {
                Role r = enumOrNull(Role.class, v);
                if (r != null) {
                    roles.add(r);
                }
            }
        }
        // The form lists every grant, so none ticked means none; the core checks each against the projects.
        String[] grants = call.request.getParameterValues("grants");
        return new UserDraft(call.param("username"), call.param("displayName"), roles,
                Http.parseId(call.param("orgUnitId")), call.request.getParameter("enabled") != null,
                creating ? call.request.getParameter("password") : null,
                grants == null ? Set.of() : new java.util.LinkedHashSet<>(Arrays.asList(grants)));
    }

    static int pageParam(Call call) {
        Long page = Http.parseId(call.param("page"));
        return page == null || page < 1 || page > 100_000 ? 1 : page.intValue();
    }

    // ---- own account: API tokens ----------------------------------------------------------------------------

    private void account(Call call) throws IOException {
        if (!"tokens".equals(call.seg(1))) {
            throw new NotFoundException(call.path);
        }
        Map<String, Object> model = call.model();
        if (call.segments.length == 2 && call.post()) {
            String name = call.param("name");
            try {
                model.put("newToken", authentication.createToken(call.actor, name, call.session.origin));
            } catch (ValidationException e) {
                model.put("errors", e.fieldErrors());
                model.put("tokens", authentication.tokens(call.actor));
                render(call, 400, null, "tokens", model);
                return;
            }
        } else if (call.segments.length == 4 && "revoke".equals(call.seg(3)) && call.post()) {
            Long id = Http.parseId(call.seg(2));
            if (id == null) {
                throw new NotFoundException(call.path);
            }
            authentication.revokeToken(call.actor, id);
            Http.redirect(call.response, "/account/tokens");
            return;
        } else if (call.segments.length != 2) {
            throw new NotFoundException(call.path);
        }
        model.put("tokens", authentication.tokens(call.actor));
        render(call, 200, null, "tokens", model);
    }

    // ---- key projects ---------------------------------------------------------------------------------------

    private void project(Call call) throws IOException {
        String id = call.seg(1);
        KeyProject project = projectGate.find(id);
        answer(call, project, project.web(), "/p/" + id);
    }

    /**
     * A project's public pages under {@code /pub/<id>/}: no login and no actor. Reading is open; a form there (an
     * objection to a public notice) posts with the CSRF token of an anonymous session, as on {@code /q}, and each
     * client address has a small budget of posts a minute. A project without public pages is not found.
     */
    private void publicPage(Call call) throws IOException {
        String method = call.request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method) && !call.post()) {
            call.response.setHeader("Allow", "GET, HEAD, POST");
            errorPage(call, 405, "error.methodNotAllowed");
            return;
        }
        if (call.post()) {
            String client = Http.client(call.request);
            if (!publicPosts.allow(client)) {
                call.response.setHeader("Retry-After", String.valueOf(publicPosts.retryAfterSeconds(client)));
                errorPage(call, 429, "q.tooMany");
                return;
            }
        }
        String id = call.seg(1);
        KeyProject project = projectGate.find(id);
        WebHandler handler = project.publicWeb();
        if (handler == null) {
            throw new NotFoundException(call.path);
        }
        call.session = sessions.findOrCreate(call.request, call.response);
        if (call.post() && !WebSessions.csrfMatches(call.session, call.request.getParameter("_csrf"))) {
            errorPage(call, 403, "error.csrf");
            return;
        }
        answer(call, project, handler, "/pub/" + id);
    }

    /** Hands the path below {@code base} to a project's handler and sends what it answers. */
    private void answer(Call call, KeyProject project, WebHandler handler, String base) throws IOException {
        String rest = call.path.substring(Math.min(call.path.length(), base.length()));
        Messages messages = new Messages(call.locale, safeMessages(project, call.locale));
        WebResult result;
        try {
            result = handler.handle(new ProjectWebRequest(call.request, rest, false, call.actor, messages, null,
                    null));
        } catch (ValidationException e) {
            // The project's own message keys: the error page reads them from its bundle, not only the core's.
            Map<String, Object> model = new LinkedHashMap<>(call.model());
            model.put("status", 400);
            model.put("message", e.fieldErrors().isEmpty() ? "error.validation"
                    : e.fieldErrors().values().iterator().next());
            model.put("messages", List.copyOf(new java.util.LinkedHashSet<>(e.fieldErrors().values())));
            call.response.resetBuffer();
            render(call, 400, null, "error", model, messages);
            return;
        }
        if (result == null) {
            throw new NotFoundException(call.path);
        }
        switch (result.kind()) {
            case REDIRECT -> Http.redirect(call.response, base + Http.safeLocalPath(result.target(), "/"));
            case PAGE -> {
                Map<String, Object> model = call.model();
                model.putAll(result.model());
                model.put("base", base);
                model.put("projectName", project.name(call.locale));
                int status = result.status();
                // A project's page that is a document (its model names the year, documentYear) gets the red header,
                // the number and the date of the core's documents, from the same settings.
                if (result.model().get(DOCUMENT_YEAR) instanceof Integer year) {
                    model.putIfAbsent("errors", new LinkedHashMap<String, String>());
                    status = Documents.header(model, documents, messages, year, call.param("number"),
                            LocalDate.now()) ? status : 400;
                }
                render(call, status, project.getClass().getClassLoader(), result.target(), model, messages);
            }
            case FILE -> Http.download(call.response, result, "HEAD".equals(call.request.getMethod()));
            case JSON -> throw new NotFoundException(call.path);
            default -> throw new IllegalStateException(result.kind().name());
        }
    }

    static java.util.ResourceBundle safeMessages(KeyProject project, Locale locale) {
        try {
            return project.messages(locale);
        } catch (RuntimeException e) {
            return null;
        }
    }

    // ---- rendering ------------------------------------------------------------------------------------------

    void render(Call call, int status, ClassLoader plugin, String template, Map<String, Object> model)
            throws IOException {
        render(call, status, plugin, template, model, new Messages(call.locale));
    }

    private void render(Call call, int status, ClassLoader plugin, String template, Map<String, Object> model,
            Messages messages) throws IOException {
        if (call.actor != null && !model.containsKey("currentYear")) {
            model.put("currentYear", currentYear());
        }
        SyncHealth health = sync;
        if (health != null && call.actor != null && call.actor.has(Role.ADMIN)) {
            // The alarm of the menu: a county sent what it does not own.
            model.putIfAbsent("syncRefused", health.summary().refused());
        }
        // A register's record page draws its own trail ("crumbs", under the project); the others get the site's.
        if (call.actor != null && !model.containsKey("crumbs") && !model.containsKey("pageCrumbs")) {
            model.put("pageCrumbs", Breadcrumbs.of(call.segments, messages, id -> orgUnits.find(id)
                    .filter(u -> call.actor.orgUnit().covers(u)).map(OrgUnit::name).orElse(null),
                    id -> projects.active(id).map(p -> p.name(call.locale)).orElse(null)));
        }
        // Rendered into a buffer first, so a template failure still gets a clean error page.
        java.io.StringWriter buffer = new java.io.StringWriter();
        templates.render(plugin, template, model, messages, buffer);
        call.response.setStatus(status);
        call.response.setContentType("text/html;charset=UTF-8");
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        call.response.setContentLength(bytes.length);
        call.response.getOutputStream().write(bytes);
    }

    /**
     * The year the header shows with its step on every page: this calendar year's if it is open, or else the latest
     * open one; null before any year is opened or while the cycle cannot be read.
     */
    private PerformanceYear currentYear() {
        try {
            int now = java.time.Year.now().getValue();
            return cycle.year(now).orElseGet(() -> cycle.years().stream().filter(y -> y.year() <= now)
                    .max(java.util.Comparator.comparingInt(PerformanceYear::year)).orElse(null));
        } catch (RuntimeException e) {
            return null;
        }
    }

    void errorPage(Call call, int status, String messageKey) throws IOException {
        Map<String, Object> model = new LinkedHashMap<>(call.model());
        model.put("status", status);
        model.put("message", messageKey);
        try {
            call.response.resetBuffer();
            render(call, status, null, "error", model);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Error page failed", e);
            call.response.setStatus(status);
            call.response.setContentType("text/plain;charset=UTF-8");
            try (Writer w = call.response.getWriter()) {
                w.write(String.valueOf(status));
            }
        }
    }
}
