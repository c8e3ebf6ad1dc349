package org.jixiao.project.prevention.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.jixiao.api.testing.FakeWebRequest;
import org.jixiao.api.testing.ProjectMessages;
import org.jixiao.project.prevention.internal.youth.YouthRegister;
import org.jixiao.store.internal.Catalogue;
import org.jixiao.web.internal.PluginTemplates;
import org.junit.jupiter.api.Test;

import freemarker.template.Configuration;

/** Every label the engine and the core show for the project is there in both languages, and its pages render. */
class MessagesTest extends PreventionTestBase {

    private static final Configuration FTL = PluginTemplates.configuration(MessagesTest.class.getClassLoader());

    @Test
    void everyRegisterIndicatorRoleAndTimeNodeIsNamedInBothLanguages() {
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            assertEquals(List.of(), ProjectMessages.missing(project, locale), locale.toString());
        }
    }

    @Test
    void theOverdueListRendersInBothLanguagesForACountyAndTheCity() throws Exception {
        long y = youth(A_OFFICE, "王小明", 1, A_PRO, A_VOL);
        visit(A_PRO, y, "2024-07-03");
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            String county = PluginTemplates.render(FTL, project, project.web().handle(FakeWebRequest.html("GET",
                    "/overdue", A_OFFICE)), A_OFFICE, locale);
            assertTrue(county.contains("王小明") && county.contains("/p/prevention/youth/" + y), county);
            String city = PluginTemplates.render(FTL, project, project.web().handle(FakeWebRequest.html("GET",
                    "/overdue", CITY_OFFICE)), CITY_OFFICE, locale);
            assertTrue(city.contains(A.name()) && !city.contains("王小明"), city);
            String coverage = PluginTemplates.render(FTL, project, project.web().handle(FakeWebRequest.html("GET",
                    "/coverage", A_OFFICE)), A_OFFICE, locale);
            assertTrue(coverage.contains("闲散青少年"), coverage);
        }
        assertTrue(project.registers().stream().anyMatch(d -> d.id().equals(YouthRegister.YOUTH)));
    }

    /** The baseline builds what the migrations V1..V9 built: the catalogue was written once from them, replayed. */
    @Test
    void theBaselineBuildsTheSchemaTheHistoryBuilt() throws Exception {
        Catalogue.assertMigratesTo(PreventionProject.ID, PreventionTestBase.migrations(), MessagesTest.class,
                "/catalogue/prevention.txt");
    }
}
