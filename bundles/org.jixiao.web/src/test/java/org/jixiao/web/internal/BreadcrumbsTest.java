package org.jixiao.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.Actor;
import org.jixiao.api.Role;
import org.jixiao.api.testing.FixedOrgUnits;
import org.junit.jupiter.api.Test;

/** The pages above the one shown: only pages that exist, a unit named only when the caller sees it. */
class BreadcrumbsTest {

    private final Messages zh = new Messages(Messages.ZH_CN);

    private List<String> crumbs(String path) {
        List<Map<String, String>> crumbs = Breadcrumbs.of(path.substring(1).split("/"), zh,
                id -> id == 2 ? "东区" : null, id -> "employment".equals(id) ? "就业创业" : null);
        return crumbs.stream().map(c -> c.get("href") + " " + c.get("label")).toList();
    }

    @Test
    void eachPageAboveIsALinkAndThePageItselfIsItsTitle() {
        assertEquals(List.of(), crumbs("/home"));
        assertEquals(List.of(), crumbs("/dashboard"));
        assertEquals(List.of("/home 首页", "/perf 绩效年度"), crumbs("/perf/2031"));
        assertEquals(List.of("/home 首页", "/perf 绩效年度", "/perf/2031 2031年度", "/perf/2031/targets/2 东区绩效目标"),
                crumbs("/perf/2031/targets/2/document"));
        assertEquals(List.of("/home 首页", "/perf 绩效年度", "/perf/2031 2031年度", "/perf/2031/evaluation 综合评价",
                "/perf/2031/evaluation/runs/7 考评运行 7"), crumbs("/perf/2031/evaluation/runs/7/report"));
        assertEquals(List.of("/home 首页", "/perf 绩效年度", "/perf/2031 2031年度",
                "/perf/2031/campaigns " + zh.get("campaigns.open.link"), "/perf/2031/campaigns/7 测评活动 7"),
                crumbs("/perf/2031/campaigns/7/report"));
        assertEquals(List.of("/home 首页", "/perf 绩效年度", "/perf/2031 2031年度",
                "/perf/2031/self-assessment 自我评估", "/perf/2031/self-assessment/2 东区自我评估"),
                crumbs("/perf/2031/self-assessment/2/document"));
        assertEquals(List.of("/home 首页", "/admin/units 组织机构"), crumbs("/admin/units/5"));
        assertEquals(List.of("/home 首页", "/p/employment 就业创业"), crumbs("/p/employment/youth/9"));
    }

    @Test
    void whatItDoesNotKnowOrMayNotShowGivesNoCrumb() {
        assertEquals(List.of("/home 首页", "/perf 绩效年度", "/perf/2031 2031年度"), crumbs("/perf/2031/targets/3"),
                "the section without a page of its own and a unit the caller does not see");
        assertEquals(List.of("/home 首页"), crumbs("/p/removed/youth"), "a project not active");
        assertEquals(List.of("/home 首页"), crumbs("/account/tokens"));
    }

    @Test
    void theLayoutShowsThemAboveTheTitleEscaped() throws Exception {
        for (Locale locale : TemplateChecks.LOCALES) {
            Actor actor = new Actor(1, "leader", Set.of(Role.VIEWER), FixedOrgUnits.CITY, locale);
            Map<String, Object> m = TemplateChecks.model(actor, "/dashboard");
            m.put("pageCrumbs", List.of(Map.of("href", "/perf", "label", TemplateChecks.EVIL)));
            m.put("title", "x");
            String html = TemplateChecks.render("error", m, locale);
            assertTrue(html.contains("<nav class=\"crumbs page-crumbs noprint\" aria-label=\"" + new Messages(locale)
                    .get("nav.crumbs") + "\"><ol><li><a href=\"/perf\">"), html);
            assertTrue(!html.contains(TemplateChecks.EVIL), "escaped");
        }
    }
}
