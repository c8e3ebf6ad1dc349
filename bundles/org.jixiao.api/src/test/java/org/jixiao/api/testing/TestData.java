package org.jixiao.api.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.store.Migration;
import org.jixiao.api.store.Store;

/** Input as the pages send it, and valid resident ID numbers, for the tests of key projects. */
public final class TestData {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private TestData() {
    }

    /**
     * The core's user tables as far as the register engine reads them (user fields name enabled users with a role),
     * for a project's tests that run the engine without the core.
     */
    public static void migrateCoreUsers(Store store) {
        store.migrate("core-users", List.of(new Migration(1, "users", "CREATE TABLE JX_USER (ID BIGINT NOT NULL "
                + "PRIMARY KEY, USERNAME_KEY VARCHAR(40) NOT NULL, DISPLAY_NAME VARCHAR(100) NOT NULL, "
                + "ENABLED BOOLEAN NOT NULL);\nCREATE TABLE JX_USER_ROLE (USER_ID BIGINT NOT NULL, "
                + "ROLE VARCHAR(40) NOT NULL)")));
    }

    /**
     * A project's migrations, read from {@code /db/migration} beside {@code owner}, in the order given: a test lists
     * them so that a new one is a conscious change of the tests too.
     *
     * @throws IllegalStateException when one is missing
     */
    public static List<Migration> migrations(Class<?> owner, String... names) {
        return Migration.resources(owner, "/db/migration/", names);
    }

    /** A valid 18-character resident ID number of Hangzhou of someone born on {@code birth} (yyyyMMdd). */
    public static String idNumber(String birth, int sequence) {
        String body = "330106" + birth + String.format("%03d", sequence);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** Names and values, which may be null (unlike {@link Map#of}), as a form sends them. */
    public static Map<String, Object> form(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
