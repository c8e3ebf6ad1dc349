package org.jixiao.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Issue 18: the login page's templates are parsed ahead, off the path of the first request. */
class TemplatesWarmUpTest {

    @Test
    void parsesTheLoginPageAndItsLayoutInBothLanguages() {
        assertEquals(Templates.WARM, new Templates().warmUp(), "every template named exists and parses");
    }
}
