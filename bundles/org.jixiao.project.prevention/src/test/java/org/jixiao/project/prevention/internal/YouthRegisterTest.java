package org.jixiao.project.prevention.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.register.RecordQuery;
import org.jixiao.api.testing.TestData;
import org.jixiao.project.prevention.internal.youth.YouthRegister;
import org.junit.jupiter.api.Test;

/** Step 1, survey and registration: the city's categories, the county's key youth, the member unit's verification. */
class YouthRegisterTest extends PreventionTestBase {

    @Test
    void theCityKeepsTheCategoriesAndEveryCountyReadsThem() {
        assertEquals(1, engine.list(B_OFFICE, project, YouthRegister.CATEGORIES, RecordQuery.firstPage()).total());
        assertThrows(AccessDeniedException.class, () -> engine.create(A_OFFICE, project, YouthRegister.CATEGORIES,
                form("name", "留守儿童")));
        assertThrows(AccessDeniedException.class, () -> engine.update(A_OFFICE, project, YouthRegister.CATEGORIES,
                category, form("name", "x"), -1));
        long y = youth(A_OFFICE, "王小明", 1, A_PRO, A_VOL);
        assertEquals(category, engine.get(A_OFFICE, project, YouthRegister.YOUTH, y).value("category"));
    }

    @Test
    void aYouthIsRegisteredWithTheNumberEncryptedAndOnceInTheWholeCity() {
        long y = youth(A_OFFICE, "王小明", 1, A_PRO, A_VOL);
        String clear = TestData.idNumber("20080315", 1);
        assertEquals(0, store.count("SELECT COUNT(*) FROM PRV_YOUTH WHERE ID_NUMBER_CIPHER LIKE '%" + clear
                + "%' OR ID_NUMBER_MASK = '" + clear + "'"));
        assertEquals("**************" + clear.substring(14),
                engine.get(A_OFFICE, project, YouthRegister.YOUTH, y).value("idNumber"));
        assertEquals(Map.of("idNumber", "register.error.duplicateElsewhere"), refused(() -> youth(B_OFFICE, "王小明",
                1, B_PRO, B_VOL), "PRV_YOUTH"));
        assertEquals(Map.of("idNumber", "register.error.duplicate"), refused(() -> youth(A_OFFICE, "王小明", 1, A_PRO,
                A_VOL), "PRV_YOUTH"));
    }

    @Test
    void theDateOfBirthIsTheNumbersAndAYouthIsUnder25() {
        Map<String, Object> wrong = youthForm("李四", 2, A_PRO, A_VOL);
        wrong.put("birthDate", "2008-03-16");
        assertEquals(Map.of("birthDate", "youth.birthDate.mismatch"), refused(() -> engine.create(A_OFFICE, project,
                YouthRegister.YOUTH, wrong), "PRV_YOUTH"));
        Map<String, Object> old = youthForm("李四", 2, A_PRO, A_VOL);
        old.put("birthDate", "1999-07-01");
        old.put("idNumber", TestData.idNumber("19990701", 2));
        assertEquals(Map.of("birthDate", "youth.tooOld"), refused(() -> engine.create(A_OFFICE, project,
                YouthRegister.YOUTH, old), "PRV_YOUTH"));
    }

    @Test
    void aMemberUnitOfTheCountyVerifiesTheSurveyOrQueriesItWithAReason() {
        long y = youth(A_OFFICE, "王小明", 1, A_PRO, A_VOL);
        long z = youth(A_OFFICE, "赵六", 2, A_PRO, A_VOL);
        assertThrows(AccessDeniedException.class, () -> engine.transition(A_OFFICE, project, YouthRegister.YOUTH, y,
                "verify", form("verifiedBy", "POLICE", "verifiedOn", "2024-07-10"), null));
        engine.transition(A_POLICE, project, YouthRegister.YOUTH, y, "verify",
                form("verifiedBy", "POLICE", "verifiedOn", "2024-07-10"), null);
        var verified = engine.get(A_OFFICE, project, YouthRegister.YOUTH, y);
        assertEquals(YouthRegister.VERIFIED, verified.state());
        assertEquals("POLICE", verified.value("verifiedBy"));
        assertTrue(audit.contains("youth.step.verify youth:" + y + " unit=" + A.id()));
        assertEquals(Map.of("reason", "register.error.reason"), assertThrows(
                org.jixiao.api.ValidationException.class, () -> engine.transition(A_POLICE, project,
                        YouthRegister.YOUTH, z, "query", form(), " ")).fieldErrors());
        engine.transition(A_POLICE, project, YouthRegister.YOUTH, z, "query", form(), "监护人信息与户籍不符");
        assertEquals(YouthRegister.QUERIED, engine.get(A_OFFICE, project, YouthRegister.YOUTH, z).state());
        assertEquals("监护人信息与户籍不符", engine.history(A_OFFICE, project, YouthRegister.YOUTH, z).get(0).reason());
    }

    @Test
    void aYouthIsReadByTheTwoHelpersTheCountysOfficeAndMemberUnitsOnlyAndEveryReadIsAudited() {
        long y = youth(A_OFFICE, "王小明", 1, A_PRO, A_VOL);
        for (var reader : java.util.List.of(A_PRO, A_VOL, A_OFFICE, A_POLICE)) {
            audit.clear();
            assertEquals("王小明", engine.get(reader, project, YouthRegister.YOUTH, y).value("name"));
            assertEquals(java.util.List.of("youth.read youth:" + y), audit, reader.username());
            audit.clear();
            assertEquals(1, engine.list(reader, project, YouthRegister.YOUTH, RecordQuery.firstPage()).total());
            assertEquals(java.util.List.of("youth.list youth ids=" + y), audit, reader.username());
        }
        for (var stranger : java.util.List.of(A_PRO2, A_VOL2, B_OFFICE, B_PRO, CITY_ADMIN, CITY_OFFICE)) {
            audit.clear();
            assertThrows(NotFoundException.class, () -> engine.get(stranger, project, YouthRegister.YOUTH, y));
            assertEquals(java.util.List.of("youth.refused youth:" + y + " reach"), audit, stranger.username());
            assertEquals(0, engine.list(stranger, project, YouthRegister.YOUTH, RecordQuery.firstPage()).total());
        }
    }

    /** A youth born on 15 March 2002, 22 in July 2024, paired with the county's first helpers. */
    long adult() {
        Map<String, Object> adult = youthForm("钱七", 3, A_PRO, A_VOL);
        adult.put("birthDate", "2002-03-15");
        adult.put("idNumber", TestData.idNumber("20020315", 3));
        return engine.create(A_OFFICE, project, YouthRegister.YOUTH, adult);
    }

    @Test
    void theCitysOfficeReadsANamedYouthOnlyWithAStatedReasonWhichTheCountysOfficeSees() {
        long y = youth(A_OFFICE, "王小明", 1, A_PRO, A_VOL);
        assertThrows(NotFoundException.class, () -> engine.get(CITY_OFFICE, project, YouthRegister.YOUTH, y));
        assertEquals(0, engine.list(CITY_OFFICE, project, YouthRegister.YOUTH, RecordQuery.firstPage()).total());
        assertEquals("王小明", engine.breakGlass(CITY_OFFICE, project, YouthRegister.YOUTH, y, "市综治办督办")
                .value("name"));
        assertTrue(engine.accessLog(A_OFFICE, project, YouthRegister.YOUTH, y).stream().anyMatch(a ->
                a.kind().equals("BREAK_GLASS") && a.userId() == CITY_OFFICE.userId() && a.reason().equals("市综治办督办")));
        assertThrows(NotFoundException.class, () -> engine.accessLog(A_PRO, project, YouthRegister.YOUTH, y));
    }

    @Test
    void noVolunteerAndNoMemberUnitReadsTheOffenceHistoryAndTheRefusalIsAudited() {
        long y = adult();
        long o = engine.create(A_PRO, project, YouthRegister.OFFENCES, form("parent", y, "offence", "盗窃电动车",
                "offenceCategory", "THEFT", "committedOn", "2023-05-01", "supervision", "每月谈话"));
        audit.clear();
        assertEquals("每月谈话", engine.get(A_OFFICE, project, YouthRegister.OFFENCES, o).value("supervision"));
        assertEquals("每月谈话", engine.get(A_PRO, project, YouthRegister.OFFENCES, o).value("supervision"));
        assertEquals(java.util.List.of("offence.read offence:" + o, "offence.read offence:" + o), audit);
        for (var refused : java.util.List.of(A_VOL, A_POLICE)) {
            audit.clear();
            assertThrows(AccessDeniedException.class, () -> engine.get(refused, project, YouthRegister.OFFENCES, o));
            assertThrows(AccessDeniedException.class, () -> engine.list(refused, project, YouthRegister.OFFENCES,
                    new RecordQuery(null, Map.of(), null, false, 1, 20, y)));
            assertEquals(java.util.List.of("offence.refused offence:" + o + " role", "offence.refused offences role"),
                    audit, refused.username());
        }
        // Another professional of the county reaches nothing of a youth not paired with them.
        assertThrows(NotFoundException.class, () -> engine.get(A_PRO2, project, YouthRegister.OFFENCES, o));
        assertEquals(0, engine.list(A_PRO2, project, YouthRegister.OFFENCES, RecordQuery.firstPage()).total());
    }

    @Test
    void anOffenceAsAMinorIsSealedAndOpenedOnlyWithALegalReasonAndASecondPersonsApproval() {
        long y = youth(A_OFFICE, "王小明", 1, A_PRO, A_VOL);
        long sealed = engine.create(A_PRO, project, YouthRegister.OFFENCES, form("parent", y, "offence", "打架",
                "offenceCategory", "AFFRAY", "committedOn", "2024-03-14"));
        assertEquals(1, store.count("SELECT COUNT(*) FROM PRV_OFFENCE WHERE MINOR = TRUE"));
        for (var reader : java.util.List.of(A_PRO, A_OFFICE, A_OFFICE2)) {
            assertThrows(AccessDeniedException.class, () -> engine.get(reader, project, YouthRegister.OFFENCES,
                    sealed));
            assertEquals(0, engine.list(reader, project, YouthRegister.OFFENCES, RecordQuery.firstPage()).total());
        }
        assertTrue(audit.contains("offence.refused offence:" + sealed + " sealed"), audit.toString());
        long request = engine.requestUnseal(A_OFFICE, project, YouthRegister.OFFENCES, sealed,
                "法院调取：刑事诉讼法第286条规定的查询");
        assertThrows(AccessDeniedException.class, () -> engine.approveUnseal(A_OFFICE, project, request));
        assertThrows(NotFoundException.class, () -> engine.approveUnseal(CITY_OFFICE, project, request));
        engine.approveUnseal(A_OFFICE2, project, request);
        assertEquals("打架", engine.get(A_OFFICE, project, YouthRegister.OFFENCES, sealed).value("offence"));
        assertThrows(AccessDeniedException.class, () -> engine.get(A_PRO, project, YouthRegister.OFFENCES, sealed));
        assertTrue(audit.contains("offence.unsealApprove offence:" + sealed + " request=" + request));
        assertTrue(engine.accessLog(A_OFFICE, project, YouthRegister.YOUTH, y).stream().anyMatch(a ->
                a.kind().equals("UNSEALED") && a.readId() == sealed && a.reason().startsWith("法院调取")));
        long grown = engine.create(A_OFFICE, project, YouthRegister.OFFENCES, form("parent", adult(), "offence",
                "诈骗", "offenceCategory", "FRAUD", "committedOn", "2020-03-15"));
        assertEquals(Boolean.FALSE, engine.get(A_OFFICE, project, YouthRegister.OFFENCES, grown).value("minor"));
    }
}
