package org.jixiao.project.employment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.Page;
import org.jixiao.api.ResidentIdNumber;
import org.jixiao.api.ValidationException;
import org.jixiao.api.project.Comparison;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class YouthServiceTest extends EmploymentTestBase {

    private static final LocalDate BIRTH_1990 = LocalDate.of(1990, 1, 1);

    // ---------------------------------------------------------------- create, list, search

    @Test
    void createdRecordIsListedWithMaskedIdAndReadBack() {
        YouthInput in = person();
        long id = service.create(A_STAFF, in);

        Page<Youth> page = service.list(A_STAFF, YouthFilter.NONE, 1);
        assertEquals(1, page.total());
        Youth y = page.items().get(0);
        assertEquals(id, y.id());
        assertEquals("李雷", y.name());
        assertEquals(ResidentIdNumber.mask(in.idNumber()), y.idMask());
        assertTrue(y.idMask().contains("*"));
        assertEquals(Set.of(NeedCategory.TRAINING, NeedCategory.INTERNSHIP), y.needCategories());
        assertEquals(0, cipher.decrypts.get(), "a list never decrypts");

        Youth read = service.get(A_STAFF, id);
        assertEquals(LocalDate.of(1989, 3, 18), read.birthDate());
        assertEquals(LocalDate.of(2013, 5, 20), read.registeredOn());
        assertEquals("13800138000", read.phone());
        assertEquals(Education.BACHELOR, read.education());
        assertEquals(YouthType.JOB_SEEKING, read.type());
        assertEquals(TreeOrgUnits.COUNTY_A.id(), read.countyId());
    }

    @Test
    void idNumberIsStoredOnlyEncrypted() {
        YouthInput in = person();
        long id = service.create(A_STAFF, in);
        String stored = store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT ID_CIPHER, ID_HASH, ID_MASK, LIVE_ID_HASH FROM EMP_YOUTH WHERE ID = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(rs.getString(2), rs.getString(4));
                    return rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3);
                }
            }
        });
        assertFalse(stored.contains(in.idNumber()));
        assertFalse(stored.contains(in.idNumber().substring(6, 14)), "not even the birth date part");
    }

    @Test
    void defaultsTheCountyOfACountyUserAndTheRegistrationDate() {
        long id = service.create(B_STAFF, person("county", null, "registeredOn", null));
        Youth y = service.get(B_STAFF, id);
        assertEquals(TreeOrgUnits.COUNTY_B.id(), y.countyId());
        assertEquals(TODAY, y.registeredOn());
    }

    @Test
    void aCityUserMustChooseTheCounty() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.create(CITY_ADMIN, person("county", null)));
        assertEquals(Map.of("county", YouthValidator.COUNTY_REQUIRED), e.fieldErrors());
    }

    @Test
    void searchesByNameIgnoringCaseOrByWholeIdNumberAndFilters() {
        LocalDate b1 = LocalDate.of(1991, 2, 3);
        YouthInput lilei = person("Li Lei", b1, 11, "JOB_SEEKING", TreeOrgUnits.COUNTY_A, "2013-01-10");
        service.create(CITY_ADMIN, lilei);
        service.create(CITY_ADMIN, person("Han Meimei", LocalDate.of(1992, 4, 5), 12, "ENTREPRENEUR",
                TreeOrgUnits.COUNTY_B, "2013-02-10"));
        service.create(CITY_ADMIN, person("Lin Tao", LocalDate.of(1993, 6, 7), 13, "ENTREPRENEUR",
                TreeOrgUnits.COUNTY_A, "2013-03-10"));

        assertEquals(List.of("Li Lei"), names(new YouthFilter("LI L", null, null, null)));
        assertEquals(List.of("Lin Tao", "Li Lei"), names(new YouthFilter("li", null, null, null)));
        assertEquals(List.of(), names(new YouthFilter("%", null, null, null)), "LIKE wildcards are literal");

        // The whole number as typed: spaces and a lower-case x are normalised first.
        String typed = lilei.idNumber().substring(0, 6) + " " + lilei.idNumber().substring(6).toLowerCase();
        assertEquals(List.of("Li Lei"), names(new YouthFilter(typed, null, null, null)));
        assertEquals(List.of(), names(new YouthFilter(idNumber("110105", b1, 99), null, null, null)));

        assertEquals(List.of("Lin Tao", "Han Meimei"), names(new YouthFilter(null, YouthType.ENTREPRENEUR, null, null)));
        assertEquals(List.of("Han Meimei"), names(new YouthFilter(null, null, TreeOrgUnits.COUNTY_B.id(), null)));
        assertEquals(List.of("Lin Tao"), names(new YouthFilter("l", YouthType.ENTREPRENEUR, TreeOrgUnits.COUNTY_A.id(),
                Education.BACHELOR)));
        assertEquals(List.of(), names(new YouthFilter(null, null, null, Education.MASTER_OR_ABOVE)));

        // A county user sees only their county, even when filtering for another.
        assertEquals(List.of("Lin Tao", "Li Lei"), service.list(A_STAFF, YouthFilter.NONE, 1).items().stream()
                .map(Youth::name).toList());
        assertEquals(0, service.list(A_STAFF, new YouthFilter(null, null, TreeOrgUnits.COUNTY_B.id(), null), 1).total());
        assertEquals(0, service.list(A_STAFF, new YouthFilter("Han", null, null, null), 1).total());
    }

    private List<String> names(YouthFilter filter) {
        return service.list(CITY_ADMIN, filter, 1).items().stream().map(Youth::name).toList();
    }

    @Test
    void pagesByTwenty() {
        for (int i = 0; i < 23; i++) {
            service.create(A_STAFF, person("青年" + i, BIRTH_1990.plusDays(i), 100 + i, "JOB_SEEKING",
                    TreeOrgUnits.COUNTY_A, "2013-01-01"));
        }
        Page<Youth> first = service.list(A_STAFF, YouthFilter.NONE, 1);
        assertEquals(20, first.items().size());
        assertEquals(23, first.total());
        assertEquals(2, first.pages());
        Page<Youth> second = service.list(A_STAFF, YouthFilter.NONE, 2);
        assertEquals(3, second.items().size());
        assertEquals(2, service.list(A_STAFF, YouthFilter.NONE, 99).page(), "a page past the end shows the last");
    }

    // ---------------------------------------------------------------- duplicates

    @Test
    void samePersonTwiceIsRefusedInAnyCounty() {
        YouthInput in = person();
        service.create(A_STAFF, in);
        long before = rows();

        ValidationException same = assertThrows(ValidationException.class, () -> service.create(A_STAFF, in));
        assertEquals(Map.of("idNumber", YouthValidator.ID_DUPLICATE), same.fieldErrors());

        // County B cannot see A's record, and the refusal does not say where it is.
        YouthInput inB = person("county", String.valueOf(TreeOrgUnits.COUNTY_B.id()), "name", "另一个名字",
                "idNumber", in.idNumber().toLowerCase());
        ValidationException other = assertThrows(ValidationException.class, () -> service.create(B_STAFF, inB));
        assertEquals(Map.of("idNumber", YouthValidator.ID_DUPLICATE), other.fieldErrors());
        assertFalse(other.getMessage().contains(TreeOrgUnits.COUNTY_A.name()));
        assertEquals(before, rows());
    }

    @Test
    void aDuplicateIsReportedTogetherWithTheOtherProblems() {
        service.create(A_STAFF, person());
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.create(A_STAFF, person("name", null, "phone", "1")));
        assertEquals(Map.of("name", YouthValidator.NAME_REQUIRED, "phone", YouthValidator.PHONE_INVALID, "idNumber",
                YouthValidator.ID_DUPLICATE), e.fieldErrors());
    }

    @Test
    void aDeletedRecordFreesThePersonForANewRegistration() {
        YouthInput in = person();
        long first = service.create(A_STAFF, in);
        service.delete(A_STAFF, first);
        long second = service.create(B_STAFF, person("county", String.valueOf(TreeOrgUnits.COUNTY_B.id())));
        assertNotEquals(first, second);
        service.delete(B_STAFF, second);
        service.create(A_STAFF, in);
        assertEquals(1, service.list(CITY_ADMIN, YouthFilter.NONE, 1).total());
    }

    @Test
    void changingTheIdNumberToAnotherLivePersonsIsRefused() {
        YouthInput a = person("Li Lei", BIRTH_1990, 11, "JOB_SEEKING", TreeOrgUnits.COUNTY_A, "2013-01-10");
        YouthInput b = person("Lin Tao", BIRTH_1990, 13, "JOB_SEEKING", TreeOrgUnits.COUNTY_A, "2013-01-10");
        service.create(A_STAFF, a);
        long idB = service.create(A_STAFF, b);
        ValidationException e = assertThrows(ValidationException.class, () -> service.update(A_STAFF, idB, a));
        assertEquals(Map.of("idNumber", YouthValidator.ID_DUPLICATE), e.fieldErrors());
        // Saving a record with its own unchanged number is no duplicate.
        service.update(A_STAFF, idB, person("Lin Tao Jr", BIRTH_1990, 13, "ENTREPRENEUR", TreeOrgUnits.COUNTY_A,
                "2013-01-10"));
        assertEquals("Lin Tao Jr", service.get(A_STAFF, idB).name());
    }

    @Test
    void theDatabaseItselfAdmitsOneLiveRecordPerPerson() {
        YouthInput in = person();
        // A concurrent registration of the same person commits after the check and before our insert.
        cipher.onEncrypt = () -> service.create(B_STAFF, person("county", String.valueOf(TreeOrgUnits.COUNTY_B.id())));
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(A_STAFF, in));
        assertEquals(Map.of("idNumber", YouthValidator.ID_DUPLICATE), e.fieldErrors());
        assertEquals(1, service.list(CITY_ADMIN, YouthFilter.NONE, 1).total());
        assertEquals(1, audit.withAction("youth.create").size(), "only the registration that won is audited");
    }

    @Test
    void anEditRacingARegistrationOfTheSameNumberIsRefused() {
        YouthInput first = person("Li Lei", BIRTH_1990, 11, "JOB_SEEKING", TreeOrgUnits.COUNTY_A, "2013-01-10");
        YouthInput corrected = person("Li Lei", BIRTH_1990, 13, "JOB_SEEKING", TreeOrgUnits.COUNTY_A, "2013-01-10");
        long id = service.create(A_STAFF, first);
        service.update(A_STAFF, id, corrected);
        // Back to the first number while county B registers that number between the check and the write: the
        // row's old index entry makes Derby miss this one, so the service re-counts after writing.
        cipher.onEncrypt = () -> service.create(B_STAFF, person("Li Lei", BIRTH_1990, 11, "JOB_SEEKING",
                TreeOrgUnits.COUNTY_B, "2013-01-10"));
        ValidationException e = assertThrows(ValidationException.class, () -> service.update(A_STAFF, id, first));
        assertEquals(Map.of("idNumber", YouthValidator.ID_DUPLICATE), e.fieldErrors());
        assertEquals(1, service.list(CITY_ADMIN, new YouthFilter(first.idNumber(), null, null, null), 1).total());
        assertEquals(corrected.idNumber(), service.revealIdNumber(A_STAFF, service.get(A_STAFF, id)));
    }

    @Test
    void uniqueConstraintAllowsManyDeletedRowsButOneLiveRowPerPerson() {
        YouthInput in = person();
        for (int i = 0; i < 3; i++) {
            service.delete(A_STAFF, service.create(A_STAFF, in));
        }
        long live = service.create(A_STAFF, in);
        StoreException e = assertThrows(StoreException.class, () -> store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO EMP_YOUTH (NAME, GENDER, BIRTH_DATE, ID_CIPHER, "
                    + "ID_HASH, ID_MASK, LIVE_ID_HASH, COUNTY_ID, EDUCATION, YOUTH_TYPE, REGISTERED_ON, CREATED_AT, "
                    + "CREATED_BY, UPDATED_AT, UPDATED_BY) SELECT NAME, GENDER, BIRTH_DATE, ID_CIPHER, ID_HASH, ID_MASK, "
                    + "LIVE_ID_HASH, COUNTY_ID, EDUCATION, YOUTH_TYPE, REGISTERED_ON, CREATED_AT, CREATED_BY, UPDATED_AT, "
                    + "UPDATED_BY FROM EMP_YOUTH WHERE ID = ?")) {
                ps.setLong(1, live);
                return ps.executeUpdate();
            }
        }));
        assertEquals(YouthRepository.UNIQUE_VIOLATION, ((SQLException) e.getCause()).getSQLState());
    }

    // ---------------------------------------------------------------- validation

    static Stream<Arguments> invalidInputs() {
        String idA = idNumber("110105", LocalDate.of(1989, 3, 18), 123);
        String badCheck = idA.substring(0, 17) + (idA.charAt(17) == '0' ? '1' : '0');
        LocalDate young = TODAY.minusYears(16).plusDays(1);
        LocalDate old = TODAY.minusYears(46);
        return Stream.of(
                Arguments.of(new Object[] {"name", null}, "name", "youth.name.required"),
                Arguments.of(new Object[] {"name", "   "}, "name", "youth.name.required"),
                Arguments.of(new Object[] {"name", "名".repeat(51)}, "name", "youth.name.tooLong"),
                Arguments.of(new Object[] {"gender", null}, "gender", "youth.gender.required"),
                Arguments.of(new Object[] {"gender", "X"}, "gender", "youth.gender.invalid"),
                Arguments.of(new Object[] {"gender", "F"}, "gender", "youth.gender.mismatch"),
                Arguments.of(new Object[] {"birthDate", null}, "birthDate", "youth.birthDate.required"),
                Arguments.of(new Object[] {"birthDate", "18/03/1989"}, "birthDate", "youth.birthDate.invalid"),
                Arguments.of(new Object[] {"birthDate", "1989-02-30"}, "birthDate", "youth.birthDate.invalid"),
                Arguments.of(new Object[] {"birthDate", "1989-03-19"}, "birthDate", "youth.birthDate.mismatch"),
                Arguments.of(new Object[] {"birthDate", young.toString(), "idNumber", idNumber("110105", young, 123),
                        "registeredOn", TODAY.toString()}, "birthDate", "youth.birthDate.age"),
                Arguments.of(new Object[] {"birthDate", old.toString(), "idNumber", idNumber("110105", old, 123),
                        "registeredOn", TODAY.toString()}, "birthDate", "youth.birthDate.age"),
                Arguments.of(new Object[] {"idNumber", null}, "idNumber", "id.required"),
                Arguments.of(new Object[] {"idNumber", "12345"}, "idNumber", "id.format"),
                Arguments.of(new Object[] {"idNumber", "110105198913181234"}, "idNumber", "id.birthdate"),
                Arguments.of(new Object[] {"idNumber", badCheck}, "idNumber", "id.checksum"),
                Arguments.of(new Object[] {"county", "abc"}, "county", "youth.county.invalid"),
                Arguments.of(new Object[] {"county", "999"}, "county", "youth.county.invalid"),
                Arguments.of(new Object[] {"county", String.valueOf(TreeOrgUnits.DEPARTMENT.id())}, "county",
                        "youth.county.invalid"),
                Arguments.of(new Object[] {"county", String.valueOf(TreeOrgUnits.CITY.id())}, "county",
                        "youth.county.invalid"),
                Arguments.of(new Object[] {"education", null}, "education", "youth.education.required"),
                Arguments.of(new Object[] {"education", "PHD"}, "education", "youth.education.invalid"),
                Arguments.of(new Object[] {"type", null}, "type", "youth.type.required"),
                Arguments.of(new Object[] {"type", "RETIRED"}, "type", "youth.type.invalid"),
                Arguments.of(new Object[] {"needs", "需".repeat(501)}, "needs", "youth.needs.tooLong"),
                Arguments.of(new Object[] {"needCategories", List.of("TRAINING", "HOUSING")}, "needCategories",
                        "youth.needCategories.invalid"),
                Arguments.of(new Object[] {"registeredOn", "yesterday"}, "registeredOn", "youth.registeredOn.invalid"),
                Arguments.of(new Object[] {"registeredOn", TODAY.plusDays(1).toString()}, "registeredOn",
                        "youth.registeredOn.future"),
                Arguments.of(new Object[] {"phone", "1380013800"}, "phone", "youth.phone.invalid"),
                Arguments.of(new Object[] {"phone", "23800138000"}, "phone", "youth.phone.invalid"),
                Arguments.of(new Object[] {"phone", "1380013800a"}, "phone", "youth.phone.invalid"));
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @MethodSource("invalidInputs")
    void everyRuleRefusesAndWritesNothing(Object[] changes, String field, String key) {
        long before = rows();
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(CITY_ADMIN,
                person(changes)));
        assertEquals(key, e.fieldErrors().get(field), e.fieldErrors().toString());
        assertEquals(before, rows());
        assertTrue(audit.entries.isEmpty());
    }

    @ParameterizedTest(name = "update: {1} -> {2}")
    @MethodSource("invalidInputs")
    void everyRuleRefusesAnUpdateAndChangesNothing(Object[] changes, String field, String key) {
        long id = service.create(CITY_ADMIN, person("Original", BIRTH_1990, 11, "ENTREPRENEUR", TreeOrgUnits.COUNTY_B,
                "2013-01-01"));
        Youth before = service.get(CITY_ADMIN, id);
        ValidationException e = assertThrows(ValidationException.class, () -> service.update(CITY_ADMIN, id,
                person(changes)));
        assertEquals(key, e.fieldErrors().get(field), e.fieldErrors().toString());
        assertEquals(before, service.get(CITY_ADMIN, id));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(CITY_ADMIN,
                new YouthInput(null, null, null, null, null, null, null, null, List.of(), null, null)));
        assertEquals(Set.of("name", "gender", "birthDate", "idNumber", "county", "education", "type"),
                e.fieldErrors().keySet());
    }

    @Test
    void ageLimitsAreInclusiveOnTheRegistrationDate() {
        LocalDate sixteen = LocalDate.of(1997, 5, 20);
        LocalDate fortyFive = LocalDate.of(1967, 5, 21);
        service.create(A_STAFF, person("Sixteen", sixteen, 11, "JOB_SEEKING", TreeOrgUnits.COUNTY_A, "2013-05-20"));
        service.create(A_STAFF, person("FortyFive", fortyFive, 13, "JOB_SEEKING", TreeOrgUnits.COUNTY_A, "2013-05-20"));
        LocalDate fortySix = LocalDate.of(1967, 5, 20);
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(A_STAFF,
                person("FortySix", fortySix, 15, "JOB_SEEKING", TreeOrgUnits.COUNTY_A, "2013-05-20")));
        assertEquals(Map.of("birthDate", YouthValidator.BIRTH_AGE), e.fieldErrors());
    }

    @Test
    void normalisesWhatPeopleType() {
        String id = idNumber("110105", LocalDate.of(1989, 3, 18), 123);
        long created = service.create(A_STAFF, person("name", "  李雷 ", "gender", "m", "type", "entrepreneur",
                "education", "junior-college", "idNumber", " " + id.substring(0, 9) + " " + id.substring(9),
                "phone", "138-0013 8000", "needs", "  "));
        Youth y = service.get(A_STAFF, created);
        assertEquals("李雷", y.name());
        assertEquals("M", y.gender());
        assertEquals(YouthType.ENTREPRENEUR, y.type());
        assertEquals(Education.JUNIOR_COLLEGE, y.education());
        assertEquals("13800138000", y.phone());
        assertEquals(null, y.needs());
        assertEquals(id, service.revealIdNumber(A_STAFF, y));
    }

    // ---------------------------------------------------------------- scope and roles

    @Test
    void aCountyUserCannotReachAnotherCountysRecord() {
        long inB = service.create(B_STAFF, person("county", String.valueOf(TreeOrgUnits.COUNTY_B.id())));
        long before = rows();

        assertThrows(NotFoundException.class, () -> service.get(A_STAFF, inB));
        assertThrows(NotFoundException.class, () -> service.get(A_VIEWER, inB));
        assertThrows(NotFoundException.class, () -> service.update(A_STAFF, inB, person()));
        // Out of scope wins over bad input: the answer must not depend on whether the record exists.
        assertThrows(NotFoundException.class, () -> service.update(A_STAFF, inB, person("name", null)));
        assertThrows(NotFoundException.class, () -> service.delete(A_STAFF, inB));
        assertThrows(NotFoundException.class, () -> service.get(A_STAFF, 987654));
        assertEquals(0, service.list(A_STAFF, YouthFilter.NONE, 1).total());

        ValidationException e = assertThrows(ValidationException.class, () -> service.create(A_STAFF,
                person("county", String.valueOf(TreeOrgUnits.COUNTY_B.id()), "idNumber",
                        idNumber("110105", LocalDate.of(1989, 3, 18), 125))));
        assertEquals(Map.of("county", YouthValidator.COUNTY_INVALID), e.fieldErrors());
        // Nor may an edit move a record of A into B.
        long inA = service.create(A_STAFF, person("idNumber", idNumber("110105", LocalDate.of(1989, 3, 18), 127)));
        assertThrows(ValidationException.class, () -> service.update(A_STAFF, inA,
                person("county", String.valueOf(TreeOrgUnits.COUNTY_B.id()), "idNumber",
                        idNumber("110105", LocalDate.of(1989, 3, 18), 127))));
        assertEquals(TreeOrgUnits.COUNTY_A.id(), service.get(A_STAFF, inA).countyId());
        assertEquals(before + 3, rows(), "one more record with two need rows");
        assertEquals(TreeOrgUnits.COUNTY_B.id(), service.get(B_STAFF, inB).countyId());
    }

    @Test
    void aViewerReadsButNeverWrites() {
        long id = service.create(A_STAFF, person());
        long before = rows();
        assertEquals(1, service.list(A_VIEWER, YouthFilter.NONE, 1).total());
        assertEquals("李雷", service.get(A_VIEWER, id).name());

        assertThrows(AccessDeniedException.class, () -> service.create(A_VIEWER, person("idNumber",
                idNumber("110105", LocalDate.of(1989, 3, 18), 125))));
        assertThrows(AccessDeniedException.class, () -> service.update(A_VIEWER, id, person()));
        assertThrows(AccessDeniedException.class, () -> service.delete(A_VIEWER, id));
        assertEquals(before, rows());
        assertThrows(AccessDeniedException.class, () -> service.list(NO_ROLE, YouthFilter.NONE, 1));
        assertThrows(AccessDeniedException.class, () -> service.get(NO_ROLE, id));
    }

    @Test
    void deletedRecordsAreGone() {
        long id = service.create(A_STAFF, person());
        service.delete(A_STAFF, id);
        assertThrows(NotFoundException.class, () -> service.get(A_STAFF, id));
        assertThrows(NotFoundException.class, () -> service.update(A_STAFF, id, person()));
        assertThrows(NotFoundException.class, () -> service.delete(A_STAFF, id));
        assertEquals(0, service.list(A_STAFF, YouthFilter.NONE, 1).total());
        long[] deletedBy = store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT DELETED_BY, LIVE_ID_HASH FROM EMP_YOUTH WHERE ID = ? AND DELETED_AT IS NOT NULL")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(null, rs.getString(2));
                    return new long[] {rs.getLong(1)};
                }
            }
        });
        assertEquals(A_STAFF.userId(), deletedBy[0]);
    }

    // ---------------------------------------------------------------- audit

    @Test
    void auditsChangesWithoutPersonalDataAndEveryDecryption() {
        YouthInput in = person();
        long id = service.create(A_STAFF, in);
        service.update(A_STAFF, id, person("name", "韩梅梅", "gender", "M"));
        service.list(A_STAFF, new YouthFilter(in.idNumber(), null, null, null), 1);
        assertEquals(0, cipher.decrypts.get());

        Youth y = service.get(A_STAFF, id);
        assertEquals(in.idNumber(), service.revealIdNumber(A_STAFF, y));
        service.delete(A_STAFF, id);

        assertEquals(List.of("youth.create", "youth.update", TestCipher.READ_ACTION, "youth.delete"),
                audit.entries.stream().map(ListAudit.Entry::action).toList());
        for (ListAudit.Entry e : audit.entries) {
            assertEquals("youth:" + id, e.target());
            assertEquals("a-staff", e.user());
            String detail = String.valueOf(e.detail());
            for (String personal : List.of("李雷", "韩梅梅", in.idNumber(), in.idNumber().substring(6, 14), "13800138000")) {
                assertFalse(detail.contains(personal), detail);
            }
        }
    }

    // ---------------------------------------------------------------- statistics

    @Test
    void statisticsCountTheVisibleScope() {
        // Ages on 2013-06-15: 20, 27, 33, 40.
        service.create(CITY_ADMIN, person("A1", LocalDate.of(1993, 1, 1), 11, "JOB_SEEKING", TreeOrgUnits.COUNTY_A,
                "2013-01-01"));
        service.create(CITY_ADMIN, person("A2", LocalDate.of(1986, 1, 1), 12, "ENTREPRENEUR", TreeOrgUnits.COUNTY_A,
                "2013-01-01"));
        service.create(CITY_ADMIN, person("B1", LocalDate.of(1980, 1, 1), 13, "JOB_SEEKING", TreeOrgUnits.COUNTY_B,
                "2013-01-01"));
        long gone = service.create(CITY_ADMIN, person("B2", LocalDate.of(1973, 1, 1), 14, "JOB_SEEKING",
                TreeOrgUnits.COUNTY_B, "2013-01-01"));
        service.create(CITY_ADMIN, person("B3", LocalDate.of(1973, 1, 2), 15, "ENTREPRENEUR", TreeOrgUnits.COUNTY_B,
                "2013-01-01"));
        service.delete(CITY_ADMIN, gone);

        YouthStats city = service.stats(CITY_ADMIN, null);
        assertEquals(4, city.total());
        assertEquals(Map.of(YouthType.JOB_SEEKING, 2L, YouthType.ENTREPRENEUR, 2L), city.byType());
        assertEquals(4L, city.byEducation().get(Education.BACHELOR));
        assertEquals(0L, city.byEducation().get(Education.VOCATIONAL));
        assertEquals(Map.of("16_24", 1L, "25_30", 1L, "31_35", 1L, "36_45", 1L, "over45", 0L), city.byAgeBand());
        assertEquals(4L, city.byNeed().get(NeedCategory.TRAINING));
        assertEquals(0L, city.byNeed().get(NeedCategory.LOAN));
        assertEquals(List.of(new YouthStats.CountyCount(2, "甲县团委", 1, 1), new YouthStats.CountyCount(3, "乙区团委", 1, 1)),
                city.byCounty());

        YouthStats a = service.stats(A_STAFF, null);
        assertEquals(2, a.total());
        assertEquals(Map.of("16_24", 1L, "25_30", 1L, "31_35", 0L, "36_45", 0L, "over45", 0L), a.byAgeBand());
        assertEquals(0, service.stats(A_STAFF, TreeOrgUnits.COUNTY_B.id()).total());
        assertEquals(2, service.stats(CITY_ADMIN, TreeOrgUnits.COUNTY_B.id()).total());
    }

    @Test
    void ageBandBoundaries() {
        // 24 today is the last day of the first band; 25 today is the first of the second.
        service.create(CITY_ADMIN, person("24", TODAY.minusYears(25).plusDays(1), 11, "JOB_SEEKING",
                TreeOrgUnits.COUNTY_A, "2013-01-01"));
        service.create(CITY_ADMIN, person("25", TODAY.minusYears(25), 13, "JOB_SEEKING", TreeOrgUnits.COUNTY_A,
                "2013-01-01"));
        service.create(CITY_ADMIN, person("45", TODAY.minusYears(46).plusDays(1), 15, "JOB_SEEKING",
                TreeOrgUnits.COUNTY_A, "2013-01-01"));
        assertEquals(Map.of("16_24", 1L, "25_30", 1L, "31_35", 0L, "36_45", 1L, "over45", 0L),
                service.stats(CITY_ADMIN, null).byAgeBand());
    }

    // ---------------------------------------------------------------- indicators

    @Test
    void indicatorsFollowThePolicy() {
        assertEquals(List.of("youth.jobseekers", "youth.entrepreneurs", "entrepreneurship.projects", "mentors.count",
                "mentors.paired", "mentors.activities"),
                project.indicators().stream().map(IndicatorDefinition::id).limit(6).toList());
        // The youth database's two; the project database's indicator is checked by ProjectServiceTest.
        List<IndicatorDefinition> defs = project.indicators().subList(0, 2);
        assertEquals(List.of(new BigDecimal(200), new BigDecimal(50)),
                defs.stream().map(IndicatorDefinition::defaultTarget).toList());
        for (IndicatorDefinition d : defs) {
            assertEquals(Comparison.AT_LEAST, d.comparison());
            assertEquals("附件2 第1项", d.clause());
            assertEquals("人", project.messages(java.util.Locale.SIMPLIFIED_CHINESE).getString(d.unitKey()));
        }
        assertEquals("employment", project.id());
        assertEquals("青年就业创业", project.name(java.util.Locale.SIMPLIFIED_CHINESE));
        assertEquals("Youth employment & entrepreneurship", project.name(java.util.Locale.ENGLISH));
        assertEquals("求职青年登记人数", project.messages(java.util.Locale.SIMPLIFIED_CHINESE).getString(defs.get(0).nameKey()));
    }

    @Test
    void actualsCountLiveRecordsPerCountyRegisteredByTheEndOfTheYear() {
        LocalDate b = BIRTH_1990;
        int seq = 11;
        for (String registered : List.of("2012-03-01", "2012-12-31", "2013-01-01")) {
            service.create(CITY_ADMIN, person("A" + seq, b, seq++, "JOB_SEEKING", TreeOrgUnits.COUNTY_A, registered));
        }
        service.create(CITY_ADMIN, person("A" + seq, b, seq++, "ENTREPRENEUR", TreeOrgUnits.COUNTY_A, "2012-06-01"));
        long deleted = service.create(CITY_ADMIN, person("A" + seq, b, seq++, "ENTREPRENEUR", TreeOrgUnits.COUNTY_A,
                "2012-06-01"));
        service.delete(CITY_ADMIN, deleted);
        service.create(CITY_ADMIN, person("B" + seq, b, seq++, "ENTREPRENEUR", TreeOrgUnits.COUNTY_B, "2013-02-01"));

        long a = TreeOrgUnits.COUNTY_A.id();
        long bId = TreeOrgUnits.COUNTY_B.id();
        long city = TreeOrgUnits.CITY.id();
        Map<Long, Map<String, BigDecimal>> y2012 = service.actuals(List.of(a, bId, city), 2012);
        assertEquals(Map.of("youth.jobseekers", BigDecimal.valueOf(2), "youth.entrepreneurs", BigDecimal.ONE), y2012.get(a));
        assertEquals(Map.of("youth.jobseekers", BigDecimal.ZERO, "youth.entrepreneurs", BigDecimal.ZERO), y2012.get(bId));
        assertEquals(Map.of("youth.jobseekers", BigDecimal.ZERO, "youth.entrepreneurs", BigDecimal.ZERO), y2012.get(city),
                "only records whose county is the unit itself");

        Map<Long, Map<String, BigDecimal>> y2013 = service.actuals(List.of(a, bId), 2013);
        assertEquals(Map.of("youth.jobseekers", BigDecimal.valueOf(3), "youth.entrepreneurs", BigDecimal.ONE), y2013.get(a));
        assertEquals(Map.of("youth.jobseekers", BigDecimal.ZERO, "youth.entrepreneurs", BigDecimal.ONE), y2013.get(bId));

        assertEquals(Map.of("youth.jobseekers", BigDecimal.ZERO, "youth.entrepreneurs", BigDecimal.ZERO),
                service.actuals(List.of(a), 2011).get(a));
        assertTrue(service.actuals(List.of(), 2013).isEmpty());
        assertEquals(Set.of(a), service.actuals(Arrays.asList(a, a, null), 2013).keySet());
    }

    @Test
    void aWriteWhoseAuditLineFailsIsNotKept() {
        org.jixiao.api.AuditLog failing = new org.jixiao.api.AuditLog() {
            @Override
            public void record(org.jixiao.api.Actor actor, String action, String target, String detail) {
                throw new IllegalStateException("audit down");
            }

            @Override
            public void record(java.sql.Connection c, org.jixiao.api.Actor actor, String action, String target,
                    String detail) throws java.sql.SQLException {
                throw new java.sql.SQLException("audit down");
            }
        };
        java.time.Clock clock = java.time.Clock.fixed(TODAY.atTime(10, 0).atZone(ZONE).toInstant(), ZONE);
        YouthService unaudited = new EmploymentProject(store, cipher, new TreeOrgUnits(), failing, clock).youth();
        assertThrows(RuntimeException.class, () -> unaudited.create(A_STAFF, person()));
        assertEquals(0, service.list(CITY_ADMIN, YouthFilter.NONE, 1).total(),
                "the change and its audit line go together");
    }
}
