package org.jixiao.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.ValidationException;
import org.jixiao.api.questionnaire.AccessCode;
import org.jixiao.api.questionnaire.Answer;
import org.jixiao.api.questionnaire.AnswerService;
import org.jixiao.api.questionnaire.Ballot;
import org.jixiao.api.questionnaire.Campaign;
import org.jixiao.api.questionnaire.CampaignDraft;
import org.jixiao.api.questionnaire.CampaignState;
import org.jixiao.api.questionnaire.CategoryQuota;
import org.jixiao.api.questionnaire.Choice;
import org.jixiao.api.questionnaire.EvaluationType;
import org.jixiao.api.questionnaire.FreeText;
import org.jixiao.api.questionnaire.Item;
import org.jixiao.api.questionnaire.ItemKind;
import org.jixiao.api.questionnaire.Questionnaire;
import org.jixiao.api.questionnaire.QuestionnaireDraft;
import org.jixiao.api.questionnaire.QuestionnaireService;
import org.jixiao.api.questionnaire.RespondentCategory;
import org.jixiao.api.questionnaire.Section;
import org.jixiao.api.questionnaire.UnitScores;
import org.jixiao.api.security.Authentication;

/**
 * Sample questionnaire data with hostile text where users type, in-memory stand-ins of the questionnaire and
 * answer services (the core's are not needed), and a servlet request and response just real enough to drive
 * {@link PageServlet} end to end.
 */
final class QuestionnaireFakes {

    static final String EVIL = TemplateChecks.EVIL;
    static final OrgUnit CITY = TemplateChecks.CITY;
    static final OrgUnit COUNTY = TemplateChecks.COUNTY;
    static final Instant AT = Instant.parse("2031-03-01T02:00:00Z");
    static final String CODE = "ACDE4679FGHJ";
    static final String USED = "KMNPQRTUVWXY";

    private QuestionnaireFakes() {
    }

    static List<Choice> scale() {
        return QuestionnaireForm.parseChoices(QuestionnaireForm.STANDARD_SCALE);
    }

    /** Two sections: two rated items (one optional) and a free-text one; every text hostile. */
    static Questionnaire questionnaire(long id, boolean frozen) {
        List<Choice> hostile = List.of(new Choice(EVIL, EVIL, BigDecimal.valueOf(100)),
                new Choice("差", null, BigDecimal.ZERO));
        return new Questionnaire(id, 1, frozen ? 1 : 2, EvaluationType.YOUTH, EVIL, EVIL, EVIL, EVIL, List.of(
                new Section(EVIL, EVIL, List.of(
                        new Item("1.1", ItemKind.RATING, EVIL, EVIL, BigDecimal.ONE, scale(), true),
                        new Item("1.2", ItemKind.SINGLE_CHOICE, EVIL, null, new BigDecimal("2"), hostile, false))),
                new Section("意见", null, List.of(
                        new Item("2.1", ItemKind.TEXT, EVIL, EVIL, null, List.of(), false)))),
                frozen, AT, EVIL);
    }

    static Campaign campaign(CampaignState state) {
        return new Campaign(7, 2031, EVIL, 3, EvaluationType.YOUTH, List.of(COUNTY.id()),
                List.of(new CategoryQuota(RespondentCategory.STUDENT, 20),
                        new CategoryQuota(RespondentCategory.RURAL_YOUTH, 10)),
                5, LocalDate.of(2031, 11, 1), LocalDate.of(2031, 11, 20), state, AT, EVIL,
                state == CampaignState.CLOSED ? AT : null, state == CampaignState.CLOSED ? EVIL : null);
    }

    static UnitScores scores(boolean below) {
        return new UnitScores(COUNTY.id(), EVIL, below ? null : new BigDecimal("86.67"), below ? 2 : 12, 30, below,
                UnitScores.Decision.NONE, !below,
                List.of(new UnitScores.CategoryScores(RespondentCategory.STUDENT, new BigDecimal("90.00"), 8, 20)),
                List.of(new UnitScores.ItemScores("1.1", EVIL, new BigDecimal("80.5"), 12)));
    }

    static Ballot ballot(String code) {
        return new Ballot(code, questionnaire(3, true), EVIL, RespondentCategory.URBAN_YOUTH, EVIL,
                LocalDate.of(2031, 11, 20));
    }

    // ---------------------------------------------------------------- services

    /** Codes: {@link #CODE} (and any other made valid) answers, {@link #USED} has answered; submissions are counted. */
    static final class Answers implements AnswerService {
        final Set<String> used = new HashSet<>(Set.of(USED));
        /** The codes that open a ballot. */
        final Set<String> valid = new HashSet<>(Set.of(CODE));
        final List<List<Answer>> submitted = new ArrayList<>();
        final List<String> paperBy = new ArrayList<>();

        @Override
        public Ballot ballot(String code) {
            check(code);
            return QuestionnaireFakes.ballot(code);
        }

        private void check(String code) {
            if (used.contains(code)) {
                throw ValidationException.of("code", "answer.code.used");
            }
            if (!valid.contains(code)) {
                throw ValidationException.of("code", "answer.code.unknown");
            }
        }

        @Override
        public void submit(String code, List<Answer> answers) {
            check(code);
            for (Item item : questionnaire(3, true).items()) {
                if (item.required() && answers.stream().noneMatch(a -> a.itemKey().equals(item.key()))) {
                    throw ValidationException.of("item." + item.key(), "answer.required");
                }
            }
            used.add(code);
            submitted.add(answers);
        }

        @Override
        public Ballot paperBallot(Actor actor, String code) {
            if (actor.orgUnit().parentId() != null) {
                throw new AccessDeniedException("answer.paper");
            }
            return ballot(code);
        }

        @Override
        public void submitPaper(Actor actor, String code, List<Answer> answers) {
            submit(code, answers);
            paperBy.add(actor.username());
        }
    }

    /** Questionnaires in memory; saving a frozen one adds the next version. Campaign calls are not needed. */
    static final class Questionnaires implements QuestionnaireService {
        final Map<Long, Questionnaire> saved = new LinkedHashMap<>();
        long next = 10;
        /** The state of the one campaign, campaign 7. */
        CampaignState state = CampaignState.OPEN;

        Questionnaires() {
            saved.put(3L, QuestionnaireFakes.questionnaire(3, true));
        }

        @Override
        public List<Questionnaire> questionnaires(Actor actor) {
            List<Questionnaire> out = new ArrayList<>(saved.values());
            java.util.Collections.reverse(out);
            return out;
        }

        @Override
        public Questionnaire questionnaire(Actor actor, long id) {
            Questionnaire q = saved.get(id);
            if (q == null) {
                throw new NotFoundException("questionnaire " + id);
            }
            return q;
        }

        @Override
        public Questionnaire save(Actor actor, Long id, QuestionnaireDraft d) {
            if (d.titleZh() == null) {
                throw ValidationException.of("titleZh", "questionnaire.title.required");
            }
            Questionnaire before = id == null ? null : questionnaire(actor, id);
            long newId = before == null || before.frozen() ? next++ : before.id();
            Questionnaire q = new Questionnaire(newId, before == null ? newId : before.familyId(),
                    before == null ? 1 : before.frozen() ? before.version() + 1 : before.version(), d.type(),
                    d.titleZh(), d.titleEn(), d.introZh(), d.introEn(), d.sections(), false, AT, actor.username());
            saved.put(newId, q);
            return q;
        }

        @Override
        public List<Campaign> campaigns(Actor actor, int year) {
            return List.of(QuestionnaireFakes.campaign(state));
        }

        @Override
        public Campaign campaign(Actor actor, long id) {
            return QuestionnaireFakes.campaign(state);
        }

        @Override
        public Campaign create(Actor actor, int year, CampaignDraft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Campaign change(Actor actor, long campaignId, CampaignDraft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Campaign open(Actor actor, long campaignId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Campaign close(Actor actor, long campaignId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public UnitScores decide(Actor actor, long campaignId, long orgUnitId, UnitScores.Decision decision,
                String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AccessCode> issueCodes(Actor actor, long campaignId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AccessCode> codes(Actor actor, long campaignId, Long orgUnitId) {
            return List.of(new AccessCode(CODE, 7, COUNTY.id(), EVIL, RespondentCategory.STUDENT),
                    new AccessCode(USED, 7, COUNTY.id(), EVIL, RespondentCategory.RURAL_YOUTH));
        }

        @Override
        public List<UnitScores> scores(Actor actor, long campaignId) {
            return List.of(QuestionnaireFakes.scores(false));
        }

        @Override
        public Map<Long, Integer> responseCounts(Actor actor, long campaignId) {
            UnitScores only = QuestionnaireFakes.scores(false);
            return Map.of(only.orgUnitId(), only.responses());
        }

        @Override
        public Map<Long, List<FreeText>> freeTexts(Actor actor, long campaignId) {
            return Map.of(COUNTY.id(), List.of(new FreeText(COUNTY.id(), EVIL, "2.1", EVIL, EVIL)));
        }
    }

    /** An Authentication that knows one user, {@code actor}; everything else is not needed. */
    static Authentication authentication(Actor actor) {
        return (Authentication) Proxy.newProxyInstance(QuestionnaireFakes.class.getClassLoader(),
                new Class<?>[] {Authentication.class}, (p, method, args) -> {
                    if (method.getName().equals("actor")) {
                        return (Long) args[0] == actor.userId() ? Optional.of(actor) : Optional.empty();
                    }
                    if (method.getName().equals("authenticateToken")) {
                        return "jx_test".equals(args[0]) ? Optional.of(actor) : Optional.empty();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A service interface whose every method fails: for what a test does not reach. */
    static <T> T unused(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(QuestionnaireFakes.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> {
                    throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
                }));
    }

    /** The dashboard over the services a test has; the rest are never asked. */
    static Dashboard dashboard(org.jixiao.api.project.ProjectRegistry projects,
            org.jixiao.api.performance.MilestoneService milestones, org.jixiao.api.OrgUnitService orgUnits) {
        return new Dashboard(projects, milestones, orgUnits, unused(org.jixiao.api.assessment.EvaluationService.class),
                unused(org.jixiao.api.project.IndicatorHistory.class), unused(QuestionnaireService.class),
                passingStore());
    }

    /** A store whose reads run their work with no connection: for services faked above it, which need none. */
    static org.jixiao.api.store.Store passingStore() {
        return (org.jixiao.api.store.Store) Proxy.newProxyInstance(QuestionnaireFakes.class.getClassLoader(),
                new Class<?>[] {org.jixiao.api.store.Store.class}, (p, method, args) -> {
                    if (!"read".equals(method.getName())) {
                        throw new UnsupportedOperationException("Store." + method.getName());
                    }
                    return ((org.jixiao.api.store.SqlWork<?>) args[0]).run(null);
                });
    }

    static Actor actor(OrgUnit unit, Locale locale, org.jixiao.api.Role... roles) {
        return new Actor(2, "tester", Set.of(roles), unit, locale);
    }

    // ---------------------------------------------------------------- HTTP

    /** A request as the servlet container would hand it over: method, path, form parameters, cookies, address. */
    static final class Request {
        final String method;
        final String path;
        final Map<String, List<String>> params = new LinkedHashMap<>();
        final Map<String, String> cookies = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        String remoteAddr = "192.0.2.1";
        /** Reached over HTTPS (the container's isSecure). */
        boolean secure;
        byte[] body = new byte[0];
        String contentType = "application/x-www-form-urlencoded";
        /** Files of a multipart form, by field name; the form's other fields stay in {@link #params}. */
        final Map<String, jakarta.servlet.http.Part> parts = new LinkedHashMap<>();

        Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Request param(String name, String value) {
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        /** Replaces whatever the form had under {@code name}. */
        Request set(String name, String value) {
            params.put(name, new ArrayList<>(List.of(value)));
            return this;
        }

        Request cookie(String name, String value) {
            cookies.put(name, value);
            return this;
        }

        HttpServletRequest proxy() {
            Map<String, String[]> map = new LinkedHashMap<>();
            params.forEach((k, v) -> map.put(k, v.toArray(String[]::new)));
            Cookie[] cs = cookies.entrySet().stream().map(e -> new Cookie(e.getKey(), e.getValue()))
                    .toArray(Cookie[]::new);
            Map<String, Object> attributes = new HashMap<>();
            return (HttpServletRequest) Proxy.newProxyInstance(QuestionnaireFakes.class.getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> switch (m.getName()) {
                        case "getMethod" -> method;
                        case "getRequestURI" -> path;
                        case "getContextPath" -> "";
                        case "getCookies" -> cs.length == 0 ? null : cs;
                        case "getCharacterEncoding" -> "UTF-8";
                        case "setCharacterEncoding" -> null;
                        case "getParameterMap" -> map;
                        case "getParameter" -> map.containsKey(args[0]) ? map.get(args[0])[0] : null;
                        case "getParameterValues" -> map.get(args[0]);
                        case "getRemoteAddr" -> remoteAddr;
                        case "getContentType" -> contentType;
                        case "getPart" -> parts.get(args[0]);
                        case "getScheme" -> secure ? "https" : "http";
                        case "isSecure" -> secure;
                        case "getServerName" -> "jixiao.example";
                        case "getServerPort" -> 8181;
                        case "getHeader" -> headers.get(args[0]);
                        case "getContentLengthLong" -> (long) body.length;
                        case "getInputStream" -> new jakarta.servlet.ServletInputStream() {
                            private final java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);

                            @Override
                            public int read() {
                                return in.read();
                            }

                            @Override
                            public boolean isFinished() {
                                return in.available() == 0;
                            }

                            @Override
                            public boolean isReady() {
                                return true;
                            }

                            @Override
                            public void setReadListener(jakarta.servlet.ReadListener listener) {
                                // not needed
                            }
                        };
                        case "getAttribute" -> attributes.get(args[0]);
                        case "setAttribute" -> attributes.put((String) args[0], args[1]);
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }

    /** What the API answers the token {@link #authentication} knows; {@code body} may be null. */
    static Response bearer(ApiServlet api, String method, String path, String body) throws Exception {
        Request request = new Request(method, path);
        request.headers.put("Authorization", "Bearer jx_test");
        if (body != null) {
            request.body = body.getBytes(StandardCharsets.UTF_8);
        }
        Response response = new Response();
        api.service(request.proxy(), response.proxy());
        return response;
    }

    /** What the servlet answered. */
    static final class Response {
        int status = 200;
        final Map<String, List<String>> headers = new LinkedHashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        String contentType;

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(values.size() - 1);
        }

        String text() {
            return body.toString(StandardCharsets.UTF_8);
        }

        /** The session cookie's value, as the last Set-Cookie gave it. */
        String sessionCookie() {
            for (String c : headers.getOrDefault("Set-Cookie", List.of())) {
                if (c.startsWith(WebSessions.COOKIE + "=")) {
                    return c.substring(WebSessions.COOKIE.length() + 1, c.indexOf(';'));
                }
            }
            return null;
        }

        HttpServletResponse proxy() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    // not needed
                }

                @Override
                public void write(int b) {
                    body.write(b);
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(QuestionnaireFakes.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> {
                        switch (m.getName()) {
                            case "setStatus" -> status = (Integer) args[0];
                            case "setHeader" -> headers.put((String) args[0], new ArrayList<>(List.of((String) args[1])));
                            case "addHeader" -> headers.computeIfAbsent((String) args[0], k -> new ArrayList<>())
                                    .add((String) args[1]);
                            case "setContentType" -> contentType = (String) args[0];
                            case "setContentLength", "setContentLengthLong", "resetBuffer" -> {
                                return null;
                            }
                            case "getOutputStream" -> {
                                return out;
                            }
                            case "getWriter" -> {
                                return new PrintWriter(out, true, StandardCharsets.UTF_8);
                            }
                            case "isCommitted" -> {
                                return false;
                            }
                            default -> throw new UnsupportedOperationException(m.getName());
                        }
                        return null;
                    });
        }
    }

    /** A file of a multipart form as the container hands it over; {@code deleted} once its temporary file is. */
    static final class FilePart {
        final String fileName;
        final String contentType;
        final byte[] bytes;
        boolean deleted;

        FilePart(String fileName, String contentType, byte[] bytes) {
            this.fileName = fileName;
            this.contentType = contentType;
            this.bytes = bytes;
        }

        jakarta.servlet.http.Part proxy() {
            return (jakarta.servlet.http.Part) Proxy.newProxyInstance(QuestionnaireFakes.class.getClassLoader(),
                    new Class<?>[] {jakarta.servlet.http.Part.class}, (p, m, args) -> switch (m.getName()) {
                        case "getSubmittedFileName" -> fileName;
                        case "getContentType" -> contentType;
                        case "getSize" -> (long) bytes.length;
                        case "getInputStream" -> new java.io.ByteArrayInputStream(bytes);
                        case "delete" -> {
                            deleted = true;
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }
}
