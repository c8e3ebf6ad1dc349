package org.jixiao.project.prevention.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.project.prevention.internal.transfer.TransferRegister;
import org.jixiao.project.prevention.internal.youth.YouthRegister;
import org.junit.jupiter.api.Test;

/** Task transfers: sent by a helper to a member unit with a deadline, accepted, acted on and reported back. */
class TransfersTest extends PreventionTestBase {

    long transfer(long youth, String deadline) {
        return engine.create(A_VOL, project, TransferRegister.TRANSFERS, form("parent", youth, "toUnit", "EDUCATION",
                "task", "协助复学", "requestedOn", "2024-07-10", "deadline", deadline));
    }

    void step(String transition, long id, Map<String, Object> input, String reason) {
        engine.transition(A_POLICE, project, TransferRegister.TRANSFERS, id, transition, input, reason);
    }

    @Test
    void aTransferGoesThroughItsStepsEachOnItsDayAndIsThenLocked() {
        long y = youth(A_OFFICE, "王小明", 1, A_PRO, A_VOL);
        assertEquals(Map.of("deadline", "transfer.beforeStep"), refused(() -> transfer(y, "2024-07-01"),
                "PRV_TRANSFER"));
        long t = transfer(y, "2024-07-31");
        assertEquals(TransferRegister.REQUESTED, engine.get(A_OFFICE, project, TransferRegister.TRANSFERS, t).state());
        assertThrows(AccessDeniedException.class, () -> engine.transition(A_OFFICE, project,
                TransferRegister.TRANSFERS, t, "accept", form("acceptedOn", "2024-07-11"), null));
        assertEquals(Map.of("acceptedOn", "transfer.beforeStep"), assertThrows(ValidationException.class,
                () -> step("accept", t, form("acceptedOn", "2024-07-09"), null)).fieldErrors());
        step("accept", t, form("acceptedOn", "2024-07-11"), null);
        step("act", t, form("actedOn", "2024-07-12", "measures", "联系学校，安排插班"), null);
        step("report", t, form("reportedOn", "2024-07-13", "report", "已复学"), null);
        var done = engine.get(A_VOL, project, TransferRegister.TRANSFERS, t);
        assertEquals(TransferRegister.REPORTED, done.state());
        assertEquals("已复学", done.value("report"));
        assertEquals(List.of("REPORTED", "ACTED", "ACCEPTED", "REQUESTED"), engine.history(A_OFFICE, project,
                TransferRegister.TRANSFERS, t).stream().map(e -> e.toState()).toList());
        assertEquals(Map.of("state", "register.error.locked"), assertThrows(ValidationException.class,
                () -> engine.update(A_VOL, project, TransferRegister.TRANSFERS, t, form("toUnit", "POLICE",
                        "task", "x", "requestedOn", "2024-07-10", "deadline", "2024-07-31"), -1)).fieldErrors());
    }

    @Test
    void aTransferLinkingTheYouthToAnotherProjectCarriesTheConsentAndIsRefusedWithout() {
        long y = youth(A_OFFICE, "王小明", 1, A_PRO, A_VOL);
        Map<String, Object> linked = form("parent", y, "toUnit", "LEAGUE", "task", "申请圆梦助学",
                "requestedOn", "2024-07-10", "deadline", "2024-07-31", "linkedProject", "SCHOLARSHIP");
        assertEquals(Map.of("consentBy", "transfer.consent.required", "consentOn", "transfer.consent.required",
                "consentWay", "transfer.consent.required"), refused(() -> engine.create(A_VOL, project,
                        TransferRegister.TRANSFERS, linked), "PRV_TRANSFER"));
        linked.putAll(form("consentBy", "YOUTH", "consentOn", "2024-07-11", "consentWay", "WRITTEN"));
        assertEquals(Map.of("consentOn", "transfer.consent.afterRequest"), refused(() -> engine.create(A_VOL,
                project, TransferRegister.TRANSFERS, linked), "PRV_TRANSFER"));
        linked.put("consentOn", "2024-07-09");
        long t = engine.create(A_VOL, project, TransferRegister.TRANSFERS, linked);
        var kept = engine.get(A_OFFICE, project, TransferRegister.TRANSFERS, t);
        assertEquals(List.of("SCHOLARSHIP", "YOUTH", java.time.LocalDate.of(2024, 7, 9), "WRITTEN"), List.of(
                kept.value("linkedProject"), kept.value("consentBy"), kept.value("consentOn"),
                kept.value("consentWay")));
        // A child of 13 does not consent alone: the guardian does.
        Map<String, Object> child = youthForm("李小妹", 2, A_PRO, A_VOL);
        child.putAll(form("birthDate", "2011-03-15", "idNumber", org.jixiao.api.testing.TestData.idNumber("20110315",
                2)));
        long c = engine.create(A_OFFICE, project, YouthRegister.YOUTH, child);
        linked.put("parent", c);
        assertEquals(Map.of("consentBy", "transfer.consent.guardian"), refused(() -> engine.create(A_VOL, project,
                TransferRegister.TRANSFERS, linked), "PRV_TRANSFER"));
        linked.put("consentBy", "GUARDIAN");
        engine.create(A_VOL, project, TransferRegister.TRANSFERS, linked);
        // A transfer within the project needs no consent.
        transfer(y, "2024-07-31");
    }

    @Test
    void aTransferPastItsDeadlineAndNotReportedIsListedForTheCountyAndCountedForTheCity() throws Exception {
        long y = youth(A_OFFICE, "王小明", 1, A_PRO, A_VOL);
        long late = transfer(y, "2024-07-12");
        long done = transfer(y, "2024-07-12");
        step("accept", done, form("acceptedOn", "2024-07-11"), null);
        step("act", done, form("actedOn", "2024-07-12", "measures", "已办"), null);
        step("report", done, form("reportedOn", "2024-07-12", "report", "已反馈"), null);
        transfer(y, "2024-07-31");
        audit.clear();
        Map<String, Object> county = due(A_POLICE);
        assertEquals(1, county.get("total"));
        assertEquals(List.of(late), ((List<?>) county.get("rows")).stream().map(x -> ((Map<?, ?>) x)
                .get("transferId")).toList());
        // The name, encrypted, is the engine's to decrypt for the member unit: its read is audited, beside the page's.
        assertEquals("王小明", ((Map<?, ?>) ((List<?>) county.get("rows")).get(0)).get("youth"));
        assertEquals(List.of("youth.list youth ids=" + y, "youth.transfersDue youth ids=" + y), audit);
        Map<String, Object> city = due(CITY_OFFICE);
        assertEquals(List.of(), city.get("rows"));
        assertEquals(List.of(Map.of("name", A.name(), "count", 1)), city.get("byCounty"));
        assertEquals(0, due(B_OFFICE).get("total"));
        assertThrows(AccessDeniedException.class, () -> due(A_VOL));
        String html = org.jixiao.web.internal.PluginTemplates.render(org.jixiao.web.internal.PluginTemplates
                .configuration(getClass().getClassLoader()), project, project.web().handle(
                        org.jixiao.api.testing.FakeWebRequest.html("GET", "/transfers-due", A_OFFICE)), A_OFFICE,
                java.util.Locale.SIMPLIFIED_CHINESE);
        assertEquals(true, html.contains("王小明") && html.contains("教育局"), html);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> due(org.jixiao.api.Actor actor) {
        return (Map<String, Object>) project.web().handle(org.jixiao.api.testing.FakeWebRequest.api("GET",
                "/transfers-due", actor)).body();
    }

    @Test
    void onlyWhoReachesTheYouthSendsOrReadsItsTransfersAndADeclineNeedsAReason() {
        long y = youth(A_OFFICE, "王小明", 1, A_PRO, A_VOL);
        long t = transfer(y, "2024-07-31");
        assertThrows(NotFoundException.class, () -> engine.get(A_VOL2, project, TransferRegister.TRANSFERS, t));
        assertThrows(NotFoundException.class, () -> engine.create(A_PRO2, project, TransferRegister.TRANSFERS,
                form("parent", y, "toUnit", "EDUCATION", "task", "x", "requestedOn", "2024-07-10",
                        "deadline", "2024-07-31")));
        assertThrows(NotFoundException.class, () -> engine.get(B_OFFICE, project, TransferRegister.TRANSFERS, t));
        assertEquals(Map.of("reason", "register.error.reason"), assertThrows(ValidationException.class,
                () -> step("decline", t, form(), "")).fieldErrors());
        step("decline", t, form(), "不属于本单位职责");
        assertEquals(TransferRegister.DECLINED, engine.get(A_OFFICE, project, TransferRegister.TRANSFERS, t).state());
    }
}
