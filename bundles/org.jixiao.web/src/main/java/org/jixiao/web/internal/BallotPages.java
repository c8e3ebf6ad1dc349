package org.jixiao.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.questionnaire.Answer;
import org.jixiao.api.questionnaire.AnswerService;
import org.jixiao.api.questionnaire.Ballot;
import org.jixiao.api.questionnaire.Item;
import org.jixiao.api.questionnaire.QuestionnaireService;

/**
 * The respondents' pages under {@code /q}, open without an account: {@code /q} to type a code, {@code /q/<code>}
 * the ballot (a plain form, radio buttons and text areas, usable on a 360 px phone and without JavaScript),
 * {@code /q/thanks} after submitting. The form is CSRF-protected through an anonymous session, as the login form
 * is. Each client address has a budget of codes that open nothing a minute, and a far larger one of requests against a
 * flood. Nothing here logs a code, an answer or an address,
 * and the address is never passed on: it only keys the in-memory rate limit.
 */
final class BallotPages {

    /**
     * Requests per client address and minute, against a flood from one address. Generous: a school's computer room or
     * Wi-Fi is one address for a whole class answering at once, each respondent making three GETs and two POSTs.
     */
    static final int GETS_PER_MINUTE = 600;
    static final int POSTS_PER_MINUTE = 300;
    /**
     * Codes per client address and minute that open nothing (unknown, mistyped, used, of a closed campaign): only
     * failures pay, as with logins, so a guesser gets this many tries while a class with good codes is never slowed.
     */
    static final int FAILED_CODES_PER_MINUTE = 20;

    private final PageServlet pages;
    private final WebSessions sessions;
    private final AnswerService answers;
    private final RateLimiter gets = new RateLimiter(GETS_PER_MINUTE);
    private final RateLimiter posts = new RateLimiter(POSTS_PER_MINUTE);
    private final RateLimiter failedCodes = new RateLimiter(FAILED_CODES_PER_MINUTE);

    BallotPages(PageServlet pages, WebSessions sessions, AnswerService answers) {
        this.pages = pages;
        this.sessions = sessions;
        this.answers = answers;
    }

    void handle(PageServlet.Call call) throws IOException {
        // The code is in the URL: it must not travel on as a referrer, and no search engine should keep the page.
        call.response.setHeader("Referrer-Policy", "no-referrer");
        call.response.setHeader("X-Robots-Tag", "noindex, nofollow");
        String client = Http.client(call.request);
        RateLimiter limiter = call.post() ? posts : gets;
        boolean flooding = !limiter.allow(client);
        if (flooding || !failedCodes.available(client)) {
            // Before any code is looked at: a guesser's tries are spent, whatever codes it tries next.
            RateLimiter spent = flooding ? limiter : failedCodes;
            call.response.setHeader("Retry-After", String.valueOf(spent.retryAfterSeconds(client)));
            pages.errorPage(call, 429, "q.tooMany");
            return;
        }
        if (call.segments.length > 2) {
            throw new NotFoundException(call.path);
        }
        call.session = sessions.findOrCreate(call.request, call.response);
        // A form whose session has expired meanwhile (a long questionnaire) is shown again as it was posted, with a
        // fresh token and the request to send it once more: nothing is lost, and nothing was done.
        boolean expired = call.post() && !WebSessions.csrfMatches(call.session, call.request.getParameter("_csrf"));
        String second = call.seg(1);
        if (second == null) {
            enter(call, expired);
        } else if ("thanks".equals(second) && !call.post()) {
            pages.render(call, 200, null, "q-thanks", model(call));
        } else if ("thanks".equals(second)) {
            throw new NotFoundException(call.path);
        } else {
            ballot(call, second, expired);
        }
    }

    private static Map<String, Object> model(PageServlet.Call call) {
        Map<String, Object> model = call.model();
        model.put("noindex", true);
        return model;
    }

    /** {@code /q}: the form to type a code; posting it goes to the code's page. */
    private void enter(PageServlet.Call call, boolean expired) throws IOException {
        Map<String, Object> model = model(call);
        if (expired) {
            model.put("code", call.param("code"));
            model.put("codeError", "error.csrf");
            pages.render(call, 403, null, "q-code", model);
            return;
        }
        if (call.post()) {
            String code = AnswerService.normalise(call.request.getParameter("code"));
            if (code != null) {
                Http.redirect(call.response, "/q/" + code);
                return;
            }
            failedCodes.allow(Http.client(call.request));
            model.put("code", call.param("code"));
            model.put("codeError", "q.code.invalid");
            pages.render(call, 400, null, "q-code", model);
            return;
        }
        pages.render(call, 200, null, "q-code", model);
    }

    /** {@code /q/<code>}: the ballot, and its submission. */
    private void ballot(PageServlet.Call call, String typed, boolean expired) throws IOException {
        String code = AnswerService.normalise(typed);
        if (code == null) {
            codeProblem(call, "answer.code.unknown");
            return;
        }
        if (!code.equals(typed) && !call.post()) {
            // Typed in lower case or with dashes: one canonical address.
            Http.redirect(call.response, "/q/" + code);
            return;
        }
        Ballot ballot;
        try {
            ballot = answers.ballot(code);
        } catch (ValidationException e) {
            codeProblem(call, e.fieldErrors().getOrDefault("code", "answer.code.unknown"));
            return;
        } catch (NotFoundException e) {
            codeProblem(call, "answer.code.unknown");
            return;
        }
        Map<String, Object> model = model(call);
        model.put("ballot", ballot);
        model.put("grouped", grouped(code));
        model.put("action", "/q/" + code);
        model.put("answers", Map.of());
        if (!call.post()) {
            pages.render(call, 200, null, "q-ballot", model);
            return;
        }
        Map<String, String> submitted = submitted(ballot.questionnaire().items(), call::param);
        if (expired) {
            model.put("answers", submitted);
            model.put("expired", true);
            pages.render(call, 403, null, "q-ballot", model);
            return;
        }
        try {
            answers.submit(code, answers(ballot.questionnaire().items(), submitted));
        } catch (ValidationException e) {
            String codeKey = e.fieldErrors().get("code");
            if (codeKey != null) {
                // Used meanwhile, or the campaign closed while the respondent was answering.
                codeProblem(call, codeKey);
                return;
            }
            model.put("answers", submitted);
            model.put("errors", e.fieldErrors());
            pages.render(call, 400, null, "q-ballot", model);
            return;
        }
        Http.redirect(call.response, "/q/thanks");
    }

    /** A code that cannot answer: said in words, with the form to type another. */
    private void codeProblem(PageServlet.Call call, String key) throws IOException {
        failedCodes.allow(Http.client(call.request));
        Map<String, Object> model = model(call);
        model.put("codeError", key);
        pages.render(call, status(key), null, "q-code", model);
    }

    static int status(String key) {
        return switch (key) {
            case "answer.code.used", "answer.campaign.closed" -> 410;
            case "answer.campaign.notOpen" -> 403;
            default -> 404;
        };
    }

    // ---------------------------------------------------------------- shared with paper entry

    /** The code in groups of four, {@code ABCD-EFGH-JKMN}, as slips print it. */
    static String grouped(String code) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < code.length(); i += 4) {
            if (i > 0) {
                b.append('-');
            }
            b.append(code, i, Math.min(code.length(), i + 4));
        }
        return b.toString();
    }

    /** What was posted for each item ({@code a.<key>}), as typed, to show again after an error. */
    static Map<String, String> submitted(List<Item> items, Function<String, String> param) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Item item : items) {
            String value = param.apply("a." + item.key());
            if (value != null) {
                out.put(item.key(), value);
            }
        }
        return out;
    }

    /**
     * The answers of a submission: a scored item's chosen position (from 1), a text item's text; unanswered items
     * are left out, so the service can say which are required. A position that is not a number is a field error
     * of that item, as the service words it.
     */
    static List<Answer> answers(List<Item> items, Map<String, String> submitted) {
        ValidationException.Collector errors = new ValidationException.Collector();
        List<Answer> out = new ArrayList<>();
        for (Item item : items) {
            String value = submitted.get(item.key());
            if (value == null || value.isBlank()) {
                continue;
            }
            if (!item.scored()) {
                out.add(new Answer(item.key(), null, value.strip()));
                continue;
            }
            Long choice = Http.parseId(value.strip());
            if (choice == null || choice < 1 || choice > QuestionnaireService.CHOICES_MAX) {
                errors.add("item." + item.key(), "answer.choice.invalid");
                continue;
            }
            out.add(new Answer(item.key(), choice.intValue(), null));
        }
        errors.throwIfAny();
        return out;
    }
}
