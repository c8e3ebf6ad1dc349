package org.jixiao.api.project;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A role a key project adds to the core's, such as HOPE_OFFICE or VOLUNTEER. Administrators grant it on the users
 * page like the core roles; where its holder acts is still the subtree of their org unit.
 *
 * @param id      upper case, stable forever, unique across projects (prefix it when in doubt)
 * @param nameKey the message key of its name in the project's messages
 * @param writes  whether its holders may write the records their role is named for (else they only read)
 */
public record ProjectRole(String id, String nameKey, boolean writes) {

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    public ProjectRole {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("role id must be upper case: " + id);
        }
        Objects.requireNonNull(nameKey, "nameKey");
    }
}
