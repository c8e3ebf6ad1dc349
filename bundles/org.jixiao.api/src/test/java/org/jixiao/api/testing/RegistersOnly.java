package org.jixiao.api.testing;

import java.util.List;

import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.web.WebHandler;

/**
 * A key project of registers alone: no pages of its own beside what the register engine serves, no indicators of
 * its own. For the tests of what the engine and the nodes do with nothing but definitions.
 */
public class RegistersOnly extends BareProject {

    private final String id;
    private final List<RegisterDefinition> registers;

    public RegistersOnly(String id, RegisterDefinition... registers) {
        this.id = id;
        this.registers = List.of(registers);
    }

    @Override
    public String id() {
        return id;
    }

    /** No pages of its own: every path is the engine's or not found. */
    @Override
    public WebHandler web() {
        return r -> null;
    }

    @Override
    public List<RegisterDefinition> registers() {
        return registers;
    }
}
