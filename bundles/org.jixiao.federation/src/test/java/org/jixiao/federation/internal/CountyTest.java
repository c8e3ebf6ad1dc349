package org.jixiao.federation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The city's list of counties, as etc/org.jixiao.federation.cfg holds it. */
class CountyTest {

    @Test
    void entriesAreSeparatedBySemicolonsAndThePasswordKeepsItsCommas() {
        assertEquals(List.of(new County("a", 1, "a", "p,w"), new County("b-2", 2, "b", "x")),
                County.parse(new String[] {"a,1,a,p,w; b-2, 2, b,x", ""}));
    }

    @Test
    void aBadEntryIsRefusedWithoutShowingItsPassword() {
        for (String bad : List.of("a,1,a", "A,1,a,secret", "a,x,a,secret", "a,0,a,secret", "a,4096,a,secret",
                "a,1,,secret", "a,1,a,secret;a,2,b,secret", "a,1,a,secret;b,1,b,secret")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> County.parse(new String[] {bad}), bad);
            assertFalse(e.getMessage().contains("secret"), e.getMessage());
        }
    }
}
