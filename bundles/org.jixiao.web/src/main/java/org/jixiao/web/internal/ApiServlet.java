package org.jixiao.web.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.FieldKeyStatus;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnitDraft;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.assessment.EvaluationService;
import org.jixiao.api.federation.SyncHealth;
import org.jixiao.api.performance.PerformanceCycle;
import org.jixiao.api.performance.ManualIndicatorService;
import org.jixiao.api.performance.MilestoneService;
import org.jixiao.api.performance.SelfAssessmentService;
import org.jixiao.api.performance.TrackingService;
import org.jixiao.api.performance.TargetService;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.project.IndicatorStatus;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.project.ProjectState;
import org.jixiao.api.project.ProjectStatus;
import org.jixiao.api.questionnaire.QuestionnaireService;
import org.jixiao.api.security.Authentication;
import org.jixiao.api.security.UserDraft;
import org.jixiao.api.security.UserService;
import org.jixiao.api.store.Store;
import org.jixiao.api.store.StoreBusyException;
import org.jixiao.api.web.Upload;
import org.jixiao.api.web.WebResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;

/**
 * The JSON API under {@code /api/v1}. Callers authenticate with a personal token ({@code Authorization: Bearer})
 * or with the browser session, which must then send its CSRF token in {@code X-CSRF-Token} for every write.
 * The same services as the pages answer, so the same permission checks apply.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/*")
// A project's endpoint may take a file as a multipart form; a part over the limit fails the parse (413).
@HttpWhiteboardServletMultipart(enabled = true, fileSizeThreshold = 1024 * 1024, maxFileSize = Upload.MAX_BYTES,
        maxRequestSize = Upload.MAX_BYTES + 1024 * 1024)
public final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(ApiServlet.class.getName());
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** No record of this API comes near a megabyte; a larger body is refused before it fills the heap. */
    static final long MAX_BODY = 1 << 20;

    private final transient WebSessions sessions;
    private final transient Authentication authentication;
    private final transient UserService users;
    private final transient OrgUnitService orgUnits;
    private final transient ProjectRegistry projects;
    private final transient ProjectGate projectGate;
    private final transient Store store;
    private final transient FieldKeyStatus fieldKey;
    private final transient PerfApi perf;
    private final transient QuestionnaireApi questionnaires;
    private final transient Dashboard dashboard;

    /** Present on a county or city node of a federation only. */
    private volatile SyncHealth sync;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, unbind = "unsetSync")
    void setSync(SyncHealth s) {
        sync = s;
    }

    void unsetSync(SyncHealth s) {
        if (sync == s) {
            sync = null;
        }
    }

    @Activate
    public ApiServlet(@Reference WebSessions sessions, @Reference Authentication authentication,
            @Reference UserService users, @Reference OrgUnitService orgUnits, @Reference ProjectRegistry projects,
            @Reference Store store, @Reference PerformanceCycle cycle, @Reference TargetService targets,
            @Reference EvaluationService evaluations, @Reference ManualIndicatorService manual,
            @Reference QuestionnaireService questionnaireService, @Reference MilestoneService milestones,
            @Reference TrackingService tracking, @Reference SelfAssessmentService selfAssessment,
            @Reference FieldKeyStatus fieldKey, @Reference Dashboard dashboard) {
        this.dashboard = dashboard;
        this.sessions = sessions;
        this.authentication = authentication;
        this.users = users;
        this.orgUnits = orgUnits;
        this.projects = projects;
        this.projectGate = new ProjectGate(projects);
        this.store = store;
        this.fieldKey = fieldKey;
        this.questionnaires = new QuestionnaireApi(questionnaireService);
        this.perf = new PerfApi(cycle, targets, evaluations, manual, questionnaires, new MilestoneApi(milestones),
                new TrackingApi(tracking), new SelfAssessmentApi(selfAssessment));
    }

    /** One API request: its path split into segments, the caller and the parsed body of a write. */
    static final class Call {
        final HttpServletRequest request;
        final HttpServletResponse response;
        final Locale locale;
        final String method;
        final String[] segments;
        final String path;
        Actor actor;
        /** The caller's browser session; null for a bearer token. */
        WebSession session;
        /** A secret of the caller's login (its session's origin, or its bearer token), for the tokens it mints. */
        String origin;
        JsonElement body;
        /** The body of a write that sent a file rather than JSON. */
        Upload upload;

        Call(HttpServletRequest request, HttpServletResponse response) {
            this.request = request;
            this.response = response;
            this.locale = Http.locale(request);
            this.method = request.getMethod();
            this.path = Http.path(request);
            this.segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
        }

        String seg(int i) {
            return i < segments.length ? segments[i] : null;
        }

        boolean writes() {
            return !"GET".equals(method) && !"HEAD".equals(method);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean decodable = Http.prepare(request, response);
        Call call = new Call(request, response);
        Messages messages = new Messages(call.locale);
        if (!decodable) {
            // A multipart body fails to decode when a file is over the limit; say so rather than "bad request".
            boolean upload = ProjectWebRequest.multipart(request);
            send(call, upload ? 413 : 400, upload ? Json.error("too_large", messages.get("upload.tooLarge"), null)
                    : Json.error("bad_request", messages.get("error.badRequest"), null));
            return;
        }
        try {
            if (!"api".equals(call.seg(0)) || !"v1".equals(call.seg(1))) {
                throw new NotFoundException(call.path);
            }
            if ("health".equals(call.seg(2)) && call.segments.length == 3) {
                health(call);
                return;
            }
            if (!authenticate(call, messages)) {
                return;
            }
            if (call.writes() && fileBody(request)) {
                if (!readFile(call, messages)) {
                    return;
                }
            } else if (call.writes() && !ProjectWebRequest.multipart(request)) {
                if (request.getContentLengthLong() > MAX_BODY) {
                    send(call, 413, Json.error("too_large", messages.get("error.tooLarge"), null));
                    return;
                }
                call.body = Json.parse(new java.io.InputStreamReader(
                        new BoundedInputStream(request.getInputStream(), MAX_BODY), StandardCharsets.UTF_8));
            }
            dispatch(call, messages);
        } catch (NotFoundException e) {
            send(call, 404, Json.error("not_found", messages.get("error.notFound"), null));
        } catch (ProjectGate.Unavailable e) {
            call.response.setHeader("Retry-After", String.valueOf(ProjectGate.RETRY_AFTER_SECONDS));
            send(call, 503, Json.error("unavailable", messages.get("error.projectUpdating"), null));
        } catch (StoreBusyException e) {
            call.response.setHeader("Retry-After", String.valueOf(Http.BUSY_RETRY_AFTER_SECONDS));
            send(call, 503, Json.error("busy", messages.get("error.busy"), null));
        } catch (AccessDeniedException e) {
            send(call, 403, Json.error("forbidden", messages.get("error.forbidden"), null));
        } catch (ValidationException e) {
            Map<String, String> fields = new LinkedHashMap<>();
            e.fieldErrors().forEach((field, key) -> fields.put(field, messages.get(key)));
            send(call, 400, Json.error("validation", messages.get("error.validation"), fields));
        } catch (Json.BadJsonException | JsonParseException e) {
            send(call, 400, Json.error("bad_request", messages.get("error.badJson"), null));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "API " + call.method + " " + call.path + " failed", e);
            send(call, 500, Json.error("internal", messages.get("error.internal"), null));
        }
    }

    /**
     * Whether a write's body is a file rather than JSON: it declares a type that is none of JSON, plain text (what a
     * browser's fetch sends a string as), a form or multipart.
     */
    static boolean fileBody(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        String t = type.toLowerCase(Locale.ROOT);
        return !(t.startsWith("application/json") || t.contains("+json") || t.startsWith("text/plain")
                || t.startsWith("application/x-www-form-urlencoded") || t.startsWith("multipart/"));
    }

    /** Reads a file body, named by {@code ?fileName=}; false when it was refused as too large. */
    private static boolean readFile(Call call, Messages messages) throws IOException {
        if (call.request.getContentLengthLong() <= Upload.MAX_BYTES) {
            try {
                byte[] bytes = new BoundedInputStream(call.request.getInputStream(), Upload.MAX_BYTES).readAllBytes();
                call.upload = new Upload(Http.trimmed(call.request.getParameter("fileName")),
                        call.request.getContentType(), bytes);
                return true;
            } catch (Json.BadJsonException e) {
                // More bytes than the length announced: too large all the same.
            }
        }
        send(call, 413, Json.error("too_large", messages.get("upload.tooLarge"), null));
        return false;
    }

    private boolean authenticate(Call call, Messages messages) throws IOException {
        String header = call.request.getHeader("Authorization");
        if (header != null) {
            Optional<Actor> actor = header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? authentication.authenticateToken(header.substring(7).trim(), call.locale)
                    : Optional.empty();
            if (actor.isEmpty()) {
                call.response.setHeader("WWW-Authenticate", "Bearer");
                send(call, 401, Json.error("unauthorized", messages.get("error.unauthorized"), null));
                return false;
            }
            call.actor = actor.get();
            call.origin = header.substring(7).trim();
            return true;
        }
        Optional<WebSession> session = sessions.find(call.request).filter(WebSession::authenticated);
        Optional<Actor> actor = session.flatMap(s -> authentication.actor(s.userId, call.locale));
        if (actor.isEmpty()) {
            send(call, 401, Json.error("unauthorized", messages.get("error.unauthorized"), null));
            return false;
        }
        if (call.writes() && !WebSessions.csrfMatches(session.get(), call.request.getHeader(CSRF_HEADER))) {
            send(call, 403, Json.error("csrf", messages.get("error.csrf"), null));
            return false;
        }
        // The password itself may be changed, as on the page: that is what the flag asks for.
        if (session.get().mustChangePassword && !passwordChange(call)) {
            send(call, 403, Json.error("password_change_required", messages.get("error.mustChangePassword"), null));
            return false;
        }
        call.actor = actor.get();
        call.session = session.get();
        call.origin = session.get().origin;
        return true;
    }

    private void health(Call call) throws IOException {
        boolean storeUp;
        String engine = null;
        try {
            storeUp = store.healthy();
            engine = storeUp ? store.engine() : null;
        } catch (RuntimeException e) {
            storeUp = false;
        }
        List<ProjectStatus> statuses = projects.projects(Locale.ROOT);
        FieldKeyStatus.State key = fieldKey.state();
        boolean degraded = key != FieldKeyStatus.State.OK
                || statuses.stream().anyMatch(s -> s.state() == ProjectState.FAILED);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", !storeUp ? "DOWN" : degraded ? "DEGRADED" : "UP");
        Map<String, Object> db = new LinkedHashMap<>();
        db.put("status", storeUp ? "UP" : "DOWN");
        db.put("engine", engine);
        body.put("store", db);
        // A lost or swapped key stops what holds encrypted fields; say so rather than report UP (issue 12, item 10).
        Map<String, Object> keyStatus = new LinkedHashMap<>();
        keyStatus.put("status", key.name());
        keyStatus.put("problem", fieldKey.problem(call.locale));
        body.put("fieldKey", keyStatus);
        body.put("projects", statuses.stream().map(s -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", s.id());
            p.put("version", s.version());
            p.put("state", s.state().name());
            return p;
        }).toList());
        SyncHealth federation = sync;
        if (federation != null) {
            SyncHealth.Summary f = federation.summary();
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("role", f.role());
            section.put("backlog", f.backlog());
            section.put("lagSeconds", f.lag() == null ? null : f.lag().toSeconds());
            section.put("refused", f.refused());
            body.put("sync", section);
        }
        send(call, storeUp ? 200 : 503, body);
    }

    private void dispatch(Call call, Messages messages) throws IOException {
        String resource = call.seg(2);
        if (resource == null) {
            throw new NotFoundException(call.path);
        }
        switch (resource) {
            case "me" -> {
                if (passwordChange(call)) {
                    changePassword(call);
                } else {
                    exact(call, 3, "GET", () -> send(call, 200, me(call.actor)));
                }
            }
            case "org-units" -> orgUnitsApi(call);
            case "users" -> usersApi(call);
            case "tokens" -> tokensApi(call);
            case "projects" -> exact(call, 3, "GET", () -> send(call, 200, projects.projects(call.locale).stream()
                    .filter(s -> call.actor.has(Role.ADMIN) || s.state() == ProjectState.ACTIVE).toList()));
            case "indicators" -> exact(call, 3, "GET", () -> {
                int year = year(call.request.getParameter("year"));
                send(call, 200, projects.indicators(call.actor, year).stream().map(ApiServlet::standing).toList());
            });
            case "dashboard" -> exact(call, 3, "GET", () -> send(call, 200, dashboard.board(call.actor,
                    year(call.request.getParameter("year")), LocalDate.now(), call.request.getParameter("project"),
                    call.request.getParameter("trend"), Dashboard.unit(call.request.getParameter("unit")))));
            case "p" -> project(call);
            case "perf" -> perf.handle(call);
            case "questionnaires" -> questionnaires.questionnaires(call);
            default -> throw new NotFoundException(call.path);
        }
    }

    /** A {@code year} parameter; this year when absent or not four digits. */
    static int year(String y) {
        return y != null && y.matches("\\d{4}") ? Integer.parseInt(y) : Year.now().getValue();
    }

    @FunctionalInterface
    private interface Action {
        void run() throws IOException;
    }

    private static void exact(Call call, int length, String method, Action action) throws IOException {
        if (call.segments.length != length || !method.equals(call.method)) {
            throw new NotFoundException(call.path);
        }
        action.run();
    }

    private static boolean passwordChange(Call call) {
        return call.segments.length == 4 && "password".equals(call.seg(3)) && "POST".equals(call.method);
    }

    private record PasswordBody(String currentPassword, String newPassword) {
    }

    /**
     * {@code POST /api/v1/me/password}: as the page, ends every session of the user and revokes the tokens other logins
     * minted. A browser session caller continues in a fresh session, whose CSRF token the answer carries.
     */
    private void changePassword(Call call) throws IOException {
        PasswordBody body = body(call, PasswordBody.class);
        authentication.changePassword(call.actor, PageServlet.chars(body.currentPassword()),
                PageServlet.chars(body.newPassword()),
                call.origin);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("changed", true);
        if (call.session != null) {
            answer.put("csrfToken", sessions.restart(call.request, call.response, call.session).csrfToken);
        } else {
            sessions.endAllOf(call.actor.userId());
        }
        answer.put("tokens", authentication.tokens(call.actor));
        send(call, 200, answer);
    }

    private static Map<String, Object> me(Actor actor) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("id", actor.userId());
        me.put("username", actor.username());
        me.put("roles", actor.roles());
        me.put("grants", new java.util.TreeSet<>(actor.grants()));
        me.put("orgUnit", actor.orgUnit());
        return me;
    }

    private void orgUnitsApi(Call call) throws IOException {
        Long id = call.segments.length > 3 ? Http.parseId(call.seg(3)) : null;
        if (call.segments.length == 3 && "GET".equals(call.method)) {
            send(call, 200, orgUnits.visibleTo(call.actor));
        } else if (call.segments.length == 3 && "POST".equals(call.method)) {
            send(call, 201, orgUnits.create(call.actor, body(call, OrgUnitBody.class).draft()));
        } else if (call.segments.length == 4 && id != null && "GET".equals(call.method)) {
            send(call, 200, orgUnits.findVisible(call.actor, id).orElseThrow(() -> new NotFoundException("unit")));
        } else if (call.segments.length == 4 && id != null && "PUT".equals(call.method)) {
            send(call, 200, orgUnits.update(call.actor, id, body(call, OrgUnitBody.class).draft()));
        } else {
            throw new NotFoundException(call.path);
        }
    }

    /** The JSON shape of an org unit to create or change; the level as its name. */
    private record OrgUnitBody(Long parentId, String code, String name, String level) {
        OrgUnitDraft draft() {
            return new OrgUnitDraft(parentId, code, name, PageServlet.enumOrNull(OrgLevel.class, level));
        }
    }

    /**
     * The JSON shape of a user to create or change: {@code roles} the core's by name, {@code grants} the key projects'
     * by id. Grants left out keep a user's as they are, so a client written before them drops none.
     */
    private record UserBody(String username, String displayName, List<String> roles, Long orgUnitId,
            Boolean enabled, String password, List<String> grants) {
        UserDraft draft() {
            Set<Role> set = EnumSet.noneOf(Role.class);
            if (roles != null) {
                for (String r : roles) {
                    Role role = PageServlet.enumOrNull(Role.class, r);
                    if (role == null) {
                        throw ValidationException.of("roles", "user.roles.invalid");
                    }
                    set.add(role);
                }
            }
            return new UserDraft(username, displayName, set, orgUnitId, enabled == null || enabled, password,
                    grants == null ? null : new java.util.LinkedHashSet<>(grants));
        }
    }

    private record TokenBody(String name) {
    }

    private void usersApi(Call call) throws IOException {
        Long id = call.segments.length > 3 ? Http.parseId(call.seg(3)) : null;
        if (call.segments.length == 3 && "GET".equals(call.method)) {
            Long page = Http.parseId(call.request.getParameter("page"));
            Long size = Http.parseId(call.request.getParameter("size"));
            send(call, 200, users.list(call.actor, Http.trimmed(call.request.getParameter("q")),
                    page == null || page < 1 ? 1 : (int) Math.min(page, 100_000),
                    size == null || size < 1 ? 20 : (int) Math.min(size, 200)));
        } else if (call.segments.length == 3 && "POST".equals(call.method)) {
            send(call, 201, users.create(call.actor, body(call, UserBody.class).draft()));
        } else if (call.segments.length == 4 && id != null && "GET".equals(call.method)) {
            send(call, 200, users.get(call.actor, id));
        } else if (call.segments.length == 4 && id != null && "PUT".equals(call.method)) {
            send(call, 200, users.update(call.actor, id, body(call, UserBody.class).draft()));
        } else if (call.segments.length == 5 && id != null && "POST".equals(call.method)
                && "reset-password".equals(call.seg(4))) {
            String password = users.resetPassword(call.actor, id);
            // As the page: whoever held a session of the account (perhaps who made the reset needed) is out.
            sessions.endAllOf(id);
            send(call, 200, Map.of("password", password));
        } else {
            throw new NotFoundException(call.path);
        }
    }

    private void tokensApi(Call call) throws IOException {
        Long id = call.segments.length > 3 ? Http.parseId(call.seg(3)) : null;
        if (call.segments.length == 3 && "GET".equals(call.method)) {
            send(call, 200, authentication.tokens(call.actor));
        } else if (call.segments.length == 3 && "POST".equals(call.method)) {
            send(call, 201, Map.of("token", authentication.createToken(call.actor, body(call, TokenBody.class).name(),
                    call.origin)));
        } else if (call.segments.length == 4 && id != null && "DELETE".equals(call.method)) {
            authentication.revokeToken(call.actor, id);
            send(call, 200, Map.of("revoked", true));
        } else {
            throw new NotFoundException(call.path);
        }
    }

    private static <T> T body(Call call, Class<T> type) {
        if (call.body == null || !call.body.isJsonObject()) {
            throw new Json.BadJsonException("an object is required");
        }
        return Json.GSON.fromJson(call.body, type);
    }

    private void project(Call call) throws IOException {
        String id = call.seg(3);
        KeyProject project = projectGate.find(id);
        String base = "/api/v1/p/" + id;
        String rest = call.path.substring(Math.min(call.path.length(), base.length()));
        Messages messages = new Messages(call.locale, PageServlet.safeMessages(project, call.locale));
        WebResult result;
        try {
            result = project.web().handle(new ProjectWebRequest(call.request, rest, true, call.actor, messages,
                    call.body, call.upload));
        } catch (ValidationException e) {
            // Translated with the project's bundle: its field messages are its own keys.
            Map<String, String> fields = new LinkedHashMap<>();
            e.fieldErrors().forEach((field, key) -> fields.put(field, messages.get(key)));
            send(call, 400, Json.error("validation", messages.get("error.validation"), fields));
            return;
        }
        if (result != null && result.kind() == WebResult.Kind.FILE) {
            Http.download(call.response, result, "HEAD".equals(call.method));
            return;
        }
        if (result == null || result.kind() != WebResult.Kind.JSON) {
            throw new NotFoundException(call.path);
        }
        send(call, result.status(), result.body());
    }

    static void send(Call call, int status, Object body) throws IOException {
        byte[] bytes = Json.GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
        call.response.setStatus(status);
        call.response.setContentType("application/json;charset=UTF-8");
        call.response.setContentLength(bytes.length);
        call.response.getOutputStream().write(bytes);
    }

    /** One indicator of a project's standing, as JSON shows it. */
    record Standing(IndicatorDefinition definition, String name, String unit, BigDecimal actual, BigDecimal target,
            IndicatorStatus.Basis basis, IndicatorStatus.State state, Integer completion) {

        Standing(IndicatorStatus i) {
            this(i.definition(), i.name(), i.unit(), i.actual(), i.target(), i.basis(), i.state(), i.completion());
        }
    }

    /** A project's indicators, each with where its target comes from, met / not met / not judged and completion. */
    record ProjectStanding(String projectId, String projectName, List<Standing> indicators) {
    }

    /** So a county reads its pass or fail without an evaluation run. */
    static ProjectStanding standing(ProjectRegistry.ProjectIndicators p) {
        return new ProjectStanding(p.projectId(), p.projectName(), p.indicators().stream().map(Standing::new).toList());
    }

}
