package org.jixiao.web.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.AuditLog;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The city's admin sets the red header of printed documents on a page, not in a file: the settings go to Config Admin
 * (Karaf writes them to {@code etc/org.jixiao.documents.cfg}, so they outlive a restart), and the header takes them
 * in place.
 */
@Component(service = DocumentSettings.class)
public final class DocumentSettings {

    static final int COMMITTEE_MAX = 60;
    static final int PREFIX_MAX = 12;

    private final ConfigurationAdmin configurations;
    private final AuditLog audit;

    @Activate
    public DocumentSettings(@Reference ConfigurationAdmin configurations, @Reference AuditLog audit) {
        this.configurations = configurations;
        this.audit = audit;
    }

    /** Only the city's own admins: the header is the city's, and a county prints under it. */
    static boolean mayChange(Actor actor) {
        return actor.has(Role.ADMIN) && actor.orgUnit().parentId() == null;
    }

    /**
     * Sets the committee's name and the number prefix; blank brings back the default.
     *
     * @throws ValidationException too long, or a line break or control character in either
     */
    void save(Actor actor, String committee, String numberPrefix) {
        if (!mayChange(actor)) {
            throw new AccessDeniedException("documents settings");
        }
        String c = committee == null ? "" : committee.strip();
        String p = numberPrefix == null ? "" : numberPrefix.strip();
        ValidationException.Collector errors = new ValidationException.Collector();
        if (c.codePointCount(0, c.length()) > COMMITTEE_MAX || c.codePoints().anyMatch(Character::isISOControl)) {
            errors.add("committee", "documents.committee.invalid");
        }
        if (p.codePointCount(0, p.length()) > PREFIX_MAX || p.codePoints().anyMatch(Character::isISOControl)) {
            errors.add("numberPrefix", "documents.numberPrefix.invalid");
        }
        errors.throwIfAny();
        try {
            Configuration configuration = configurations.getConfiguration(DocumentConfig.PID, "?");
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                properties = new Hashtable<>();
            }
            properties.put("committee", c);
            properties.put("numberPrefix", p);
            configuration.update(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("The document settings could not be saved", e);
        }
        audit.record(actor, "documents.settings", DocumentConfig.PID, "committee=" + c + "; numberPrefix=" + p);
    }

    /** The settings as saved (blank: the default stands in), read back from Config Admin. */
    Settings current() {
        try {
            Configuration configuration = configurations.getConfiguration(DocumentConfig.PID, "?");
            Dictionary<String, Object> properties = configuration.getProperties();
            return properties == null ? new Settings("", "") : new Settings(text(properties.get("committee")),
                    text(properties.get("numberPrefix")));
        } catch (IOException e) {
            throw new UncheckedIOException("The document settings could not be read", e);
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().strip();
    }

    /** The red header's two settings; blank for the default. */
    record Settings(String committee, String numberPrefix) {
    }
}
