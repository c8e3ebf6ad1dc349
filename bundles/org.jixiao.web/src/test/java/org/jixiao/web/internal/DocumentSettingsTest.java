package org.jixiao.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.AuditLog;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.testing.FixedOrgUnits;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The red header set on a page by the city's admin: kept in Config Admin, read back, audited; refused to anyone else,
 * and bad text refused field by field with nothing written.
 */
class DocumentSettingsTest {

    /** One configuration in memory, as Config Admin keeps it. */
    private final Dictionary<String, Object>[] stored = newStore();
    private final List<String> audited = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private static Dictionary<String, Object>[] newStore() {
        return new Dictionary[1];
    }

    private final Configuration configuration = (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Configuration.class}, (p, m, args) -> switch (m.getName()) {
                case "getProperties" -> stored[0] == null ? null : new java.util.Hashtable<>(
                        (Map<String, Object>) toMap(stored[0]));
                case "update" -> {
                    @SuppressWarnings("unchecked")
                    Dictionary<String, Object> d = (Dictionary<String, Object>) args[0];
                    stored[0] = d;
                    yield null;
                }
                default -> throw new UnsupportedOperationException(m.getName());
            });

    private static Map<String, Object> toMap(Dictionary<String, Object> d) {
        Map<String, Object> m = new java.util.HashMap<>();
        for (var keys = d.keys(); keys.hasMoreElements();) {
            String k = keys.nextElement();
            m.put(k, d.get(k));
        }
        return m;
    }

    private final ConfigurationAdmin admin = (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ConfigurationAdmin.class}, (p, m, args) -> {
                if (m.getName().equals("getConfiguration") && DocumentConfig.PID.equals(args[0])) {
                    return configuration;
                }
                throw new UnsupportedOperationException(m.getName());
            });

    private final AuditLog audit = (AuditLog) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {AuditLog.class}, (p, m, args) -> {
                audited.add(args[1] + " " + args[2] + " " + args[3]);
                return null;
            });

    private final DocumentSettings settings = new DocumentSettings(admin, audit);

    private static Actor actor(OrgUnit unit, Role role) {
        return new Actor(1, "admin", Set.of(role), unit, Locale.ENGLISH);
    }

    @Test
    void theCitysAdminSetsTheHeaderAndBlankBringsBackTheDefault() {
        assertEquals(new DocumentSettings.Settings("", ""), settings.current(), "nothing set: the defaults");
        settings.save(actor(FixedOrgUnits.CITY, Role.ADMIN), "  共青团某某市委员会 ", "团发");
        assertEquals(new DocumentSettings.Settings("共青团某某市委员会", "团发"), settings.current());
        assertEquals(List.of("documents.settings org.jixiao.documents committee=共青团某某市委员会; numberPrefix=团发"),
                audited);
        settings.save(actor(FixedOrgUnits.CITY, Role.ADMIN), "", null);
        assertEquals(new DocumentSettings.Settings("", ""), settings.current());
    }

    @Test
    void nobodyElseMayAndBadTextWritesNothing() {
        assertThrows(AccessDeniedException.class, () -> settings.save(actor(FixedOrgUnits.COUNTY_A, Role.ADMIN), "x",
                "y"), "a county's admin prints under the city's header");
        assertThrows(AccessDeniedException.class, () -> settings.save(actor(FixedOrgUnits.CITY, Role.STAFF), "x",
                "y"));
        ValidationException e = assertThrows(ValidationException.class, () -> settings.save(actor(
                FixedOrgUnits.CITY, Role.ADMIN), "共".repeat(61), "团\n发"));
        assertEquals(Map.of("committee", "documents.committee.invalid", "numberPrefix",
                "documents.numberPrefix.invalid"), e.fieldErrors());
        assertEquals(null, stored[0]);
        assertTrue(audited.isEmpty());
        settings.save(actor(FixedOrgUnits.CITY, Role.ADMIN), "共".repeat(60), "一二三四五六七八九十一二");
    }

    @Test
    void theHeaderTakesAChangeInPlace() {
        DocumentHeader header = new DocumentHeader(null, "甲", "乙");
        header.modified(new DocumentConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return DocumentConfig.class;
            }

            @Override
            public String committee() {
                return " 共青团某某市委员会 ";
            }

            @Override
            public String numberPrefix() {
                return "团发";
            }
        });
        assertEquals("共青团某某市委员会", header.committee());
        assertEquals("团发", header.numberPrefix(new Messages(Locale.ENGLISH)));
    }

    @Test
    void thePageRendersInBothLanguagesWithItsErrorsBesideTheFields() throws Exception {
        for (Locale locale : TemplateChecks.LOCALES) {
            Map<String, Object> m = TemplateChecks.model(actor(FixedOrgUnits.CITY, Role.ADMIN), "/admin/documents");
            m.put("committee", TemplateChecks.EVIL);
            m.put("numberPrefix", "");
            m.put("previewCommittee", TemplateChecks.EVIL);
            m.put("previewNumber", "团〔2031〕1号");
            m.put("committeeMax", 60);
            m.put("prefixMax", 12);
            m.put("saved", false);
            @SuppressWarnings("unchecked")
            Map<String, String> errors = (Map<String, String>) m.get("errors");
            errors.put("committee", "documents.committee.invalid");
            String html = TemplateChecks.render("documents-settings", m, locale);
            TemplateChecks.check(html, "documents " + locale, "documents?", true);
            assertTrue(html.contains(new Messages(locale).get("documents.committee.invalid").replace("'", "&#39;"))
                    && html.contains("aria-describedby=\"committee-error\"") && html.contains("name=\"_csrf\""), html);
            assertTrue(html.contains("href=\"/admin/documents\""), "the city's admin finds it in the menu");
        }
    }
}
