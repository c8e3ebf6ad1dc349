package org.jixiao.register.internal;

import org.jixiao.store.internal.Catalogue;
import org.junit.jupiter.api.Test;

class RegisterSchemaTest {

    /** The baseline and V6 build what V1..V6 built: the catalogue was written once from those, replayed. */
    @Test
    void theBaselineBuildsTheSchemaTheHistoryBuilt() {
        Catalogue.assertMigratesTo(RegisterEngine.OWNER, RegisterEngine.migrations(), RegisterSchemaTest.class,
                "/catalogue/register.txt");
    }
}
