package org.jixiao.project.scholarship.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;

import org.jixiao.api.testing.ProjectMessages;
import org.jixiao.store.internal.Catalogue;
import org.junit.jupiter.api.Test;

/** Every label the engine and the core show for the project is there in both languages. */
class MessagesTest extends ScholarshipTestBase {

    /** The baseline builds what the migrations V1..V3 built: the catalogue was written once from them, replayed. */
    @Test
    void theBaselineBuildsTheSchemaTheHistoryBuilt() {
        Catalogue.assertMigratesTo(ScholarshipProject.ID, migrations(), MessagesTest.class,
                "/catalogue/scholarship.txt");
    }

    @Test
    void everyRegisterIndicatorRoleAndTimeNodeIsNamedInBothLanguages() {
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            assertEquals(List.of(), ProjectMessages.missing(project, locale), locale.toString());
        }
    }
}
