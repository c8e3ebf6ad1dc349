package org.jixiao.project.scholarship.internal.notice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.ValidationException;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.register.RegisterService;
import org.jixiao.api.web.WebHandler;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;
import org.jixiao.project.scholarship.internal.Roles;
import org.jixiao.project.scholarship.internal.application.ApplicationRegister;

/**
 * The public notice (公示), at {@code /pub/scholarship/notice?year=}: no login, the proposed recipients with the name
 * masked (张*伟), the county, the university and the amount, each county's objection window, and the head of the
 * decision chain, so that a printed notice can later be checked against the records. Never the ID, the family or the
 * score: the query reads none of them. The engine's own public view masks a name as 张** and has no window nor chain
 * head, so the project serves this page itself.
 */
public final class NoticePage implements WebHandler {

    /** Who writes an objection sent on the page: the public, with the office's role for this one register only. */
    static final String PUBLIC = "public";
    static final int CONTENT_MAX = 2000;

    private final Recipients recipients;
    private final OrgUnitService orgUnits;
    private final Supplier<String> chainHead;
    private final RegisterService engine;
    private final KeyProject project;
    private final Clock clock;

    public NoticePage(Recipients recipients, OrgUnitService orgUnits, Supplier<String> chainHead,
            RegisterService engine, KeyProject project, Clock clock) {
        this.recipients = recipients;
        this.orgUnits = orgUnits;
        this.chainHead = chainHead;
        this.engine = engine;
        this.project = project;
        this.clock = clock;
    }

    @Override
    public WebResult handle(WebRequest r) {
        String path = r.path().replaceAll("^/+|/+$", "");
        if ("notice/objection".equals(path) && "POST".equals(r.method())) {
            return object(r);
        }
        if (!path.equals("notice") || "POST".equals(r.method())) {
            throw new NotFoundException("scholarship" + r.path());
        }
        return notice(r, Years.param(r), Map.of(), "");
    }

    /**
     * An objection sent on the page (the web layer checked its token and the sender's budget of posts): kept as an
     * objection of the channel PUBLIC for the county office to examine, while the name is on notice and its window
     * is open. The sender is not asked who they are; a contact is theirs to give in the text.
     */
    private WebResult object(WebRequest r) {
        int year = Years.param(r);
        String content = r.param("content") == null ? "" : r.param("content").strip();
        Long id = r.param("recipient") != null && r.param("recipient").matches("\\d{1,18}")
                ? Long.valueOf(r.param("recipient")) : null;
        LocalDate today = LocalDate.now(clock);
        Recipients.Recipient target = id == null ? null : recipients.of(year, null).stream()
                .filter(x -> x.id() == id).findFirst().orElse(null);
        Map<String, String> errors = new LinkedHashMap<>();
        if (target == null) {
            errors.put("recipient", "notice.objection.recipient");
        } else if (target.noticeFrom() == null || target.noticeTo() == null || today.isBefore(target.noticeFrom())
                || today.isAfter(target.noticeTo())) {
            errors.put("recipient", "notice.objection.window");
        }
        if (content.isEmpty()) {
            errors.put("content", "notice.objection.content");
        } else if (content.length() > CONTENT_MAX) {
            errors.put("content", "notice.objection.tooLong");
        }
        if (errors.isEmpty()) {
            Actor sender = new Actor(0, PUBLIC, Set.of(), orgUnits.root(), java.util.Locale.SIMPLIFIED_CHINESE,
                    Set.of(Roles.HOPE_OFFICE));
            try {
                engine.create(sender, project, ApplicationRegister.OBJECTIONS, Map.of("parent", String.valueOf(id),
                        "channel", ApplicationRegister.Channel.PUBLIC.name(), "content", content,
                        "receivedOn", today.toString()));
                return WebResult.redirect("/pub/" + project.id() + "/notice?year=" + year + "&sent=1");
            } catch (ValidationException e) {
                e.fieldErrors().forEach((k, v) -> errors.put(k.equals("content") ? k : "recipient", v));
            }
        }
        return notice(r, year, errors, content);
    }

    private WebResult notice(WebRequest r, int year, Map<String, String> errors, String content) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<Long, Map<String, Object>> windows = new LinkedHashMap<>();
        for (Recipients.Recipient x : recipients.of(year, null)) {
            String county = orgUnits.find(x.unitId()).map(OrgUnit::name).orElse("");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("n", rows.size() + 1);
            row.put("id", String.valueOf(x.id()));
            row.put("name", Recipients.mask(x.name()));
            row.put("county", county);
            row.put("university", x.university());
            row.put("amount", x.grant() == null ? "" : x.grant().toPlainString());
            rows.add(row);
            windows.computeIfAbsent(x.unitId(), u -> {
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("county", county);
                w.put("from", x.noticeFrom() == null ? "" : x.noticeFrom().toString());
                w.put("to", x.noticeTo() == null ? "" : x.noticeTo().toString());
                return w;
            });
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("year", year);
        model.put("rows", rows);
        model.put("windows", List.copyOf(windows.values()));
        model.put("chainHead", chainHead.get());
        // A printed notice is posted on boards and filed: it names who issues it and on which day.
        model.put("issuer", orgUnits.root().name());
        model.put("today", LocalDate.now(clock).toString());
        model.put("noindex", true);
        model.put("errors", errors);
        model.put("content", content);
        model.put("sent", r.param("sent") != null);
        WebResult page = WebResult.page("notice", model);
        return errors.isEmpty() ? page : page.withStatus(400);
    }
}
