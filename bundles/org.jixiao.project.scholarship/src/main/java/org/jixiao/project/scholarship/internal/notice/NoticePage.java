package org.jixiao.project.scholarship.internal.notice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.web.WebHandler;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;

/**
 * The public notice (公示), at {@code /pub/scholarship/notice?year=}: no login, the proposed recipients with the name
 * masked (张*伟), the county, the university and the amount, each county's objection window, and the head of the
 * decision chain, so that a printed notice can later be checked against the records. Never the ID, the family or the
 * score: the query reads none of them. The engine's own public view masks a name as 张** and has no window nor chain
 * head, so the project serves this page itself.
 */
public final class NoticePage implements WebHandler {

    private final Recipients recipients;
    private final OrgUnitService orgUnits;
    private final Supplier<String> chainHead;

    public NoticePage(Recipients recipients, OrgUnitService orgUnits, Supplier<String> chainHead) {
        this.recipients = recipients;
        this.orgUnits = orgUnits;
        this.chainHead = chainHead;
    }

    @Override
    public WebResult handle(WebRequest r) {
        if (!r.path().replaceAll("^/+|/+$", "").equals("notice")) {
            throw new NotFoundException("scholarship" + r.path());
        }
        int year = Years.param(r);
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<Long, Map<String, Object>> windows = new LinkedHashMap<>();
        for (Recipients.Recipient x : recipients.of(year, null)) {
            String county = orgUnits.find(x.unitId()).map(OrgUnit::name).orElse("");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("n", rows.size() + 1);
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
        model.put("noindex", true);
        return WebResult.page("notice", model);
    }
}
