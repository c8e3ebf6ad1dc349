package org.jixiao.core.internal.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.jixiao.api.Actor;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitDraft;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.core.internal.org.OrgUnitServiceImpl;
import org.jixiao.core.internal.schema.CoreSchema;
import org.jixiao.core.internal.schema.TestDb;
import org.jixiao.store.internal.MemoryStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;

/**
 * What nearly every service test starts from: a fresh database holding the root unit (the city), the org-unit
 * service over it and the city's administrator, who creates the units the test needs. JUnit runs this class's
 * set-up before the subclass's own, so a subclass's {@code @BeforeEach} finds all of it ready (and must not be
 * named {@code openCity}, which would hide this one).
 */
public abstract class CityTest {

    protected MemoryStores.Loan store;
    protected OrgUnit root;
    protected CoreSchema schema;
    protected OrgUnitServiceImpl orgUnits;
    protected Actor cityAdmin;

    @BeforeEach
    protected final void openCity() {
        store = TestDb.open();
        root = TestDb.insertRoot(store);
        schema = new CoreSchema(store);
        orgUnits = new OrgUnitServiceImpl(store, schema);
        cityAdmin = TestDb.actor(1, "admin", root, Role.ADMIN, Role.STAFF);
    }

    @AfterEach
    protected final void closeCity() {
        store.close();
    }

    /** A unit named after its code, created by the city's administrator. */
    protected OrgUnit unit(OrgUnit parent, String code, OrgLevel level) {
        return orgUnits.create(cityAdmin, new OrgUnitDraft(parent.id(), code, code + " 团委", level));
    }

    /** The field errors of the validation failure {@code e} must end in. */
    public static Map<String, String> errors(Executable e) {
        return assertThrows(ValidationException.class, e).fieldErrors();
    }
}
