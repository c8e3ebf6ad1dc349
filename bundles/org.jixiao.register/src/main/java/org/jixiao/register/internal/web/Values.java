package org.jixiao.register.internal.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.Actor;
import org.jixiao.api.register.Attachment;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.FieldType;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterRecord;
import org.jixiao.api.register.Transition;
import org.jixiao.api.web.WebRequest;

/**
 * Record values as people read them, in the request's language. One instance serves one request, so the names of
 * referenced records, users and units are looked up once per page, not once per cell.
 */
final class Values {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Site site;
    private final WebRequest r;
    private final Actor actor;
    private final Map<String, Map<Long, String>> titles = new HashMap<>();
    private final Map<Long, String> users = new HashMap<>();
    private final Map<Long, String> units = new HashMap<>();

    Values(Site site, WebRequest r) {
        this.site = site;
        this.r = r;
        this.actor = r.actor();
    }

    // ---------------------------------------------------------------- labels

    static String title(WebRequest r, RegisterDefinition d) {
        return r.message(d.messagePrefix() + ".title");
    }

    static String label(WebRequest r, RegisterDefinition d, Field f) {
        return r.message(d.messagePrefix() + ".field." + f.name());
    }

    static String help(WebRequest r, RegisterDefinition d, Field f) {
        return f.has(Field.Flag.HELP) ? r.message(d.messagePrefix() + ".field." + f.name() + ".help") : "";
    }

    static String choice(WebRequest r, RegisterDefinition d, Field f, String code) {
        return r.message(d.messagePrefix() + "." + f.name() + "." + code);
    }

    /** A state's label; a state the workflow does not declare (any more) as stored. */
    static String state(WebRequest r, RegisterDefinition d, String state) {
        if (state == null) {
            return "";
        }
        return d.workflow() != null && d.workflow().states().contains(state)
                ? r.message(d.messagePrefix() + ".state." + state) : state;
    }

    static String transition(WebRequest r, RegisterDefinition d, Transition t) {
        return r.message(d.messagePrefix() + ".transition." + t.id());
    }

    /** An instant as the node's users read it: their day and minute (the node runs in their zone). */
    static String when(Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(ZoneId.systemDefault()));
    }

    // ---------------------------------------------------------------- names of what records point at

    /**
     * Looks up at once the names the reference and user fields of these records, and their parents, point at.
     */
    void prefetch(RegisterDefinition d, Collection<RegisterRecord> records) {
        Map<String, Set<Long>> wanted = new HashMap<>();
        Set<Long> userIds = new HashSet<>();
        for (RegisterRecord rec : records) {
            if (d.parent() != null && rec.parentId() != null) {
                wanted.computeIfAbsent(d.parent(), k -> new HashSet<>()).add(rec.parentId());
            }
            for (Field f : d.fields()) {
                Long id = id(rec.value(f.name()));
                if (id != null && f.type() == FieldType.REFERENCE) {
                    wanted.computeIfAbsent(f.target(), k -> new HashSet<>()).add(id);
                } else if (id != null && f.type() == FieldType.USER) {
                    userIds.add(id);
                }
            }
        }
        wanted.forEach(this::titles);
        userIds.removeAll(users.keySet());
        if (!userIds.isEmpty()) {
            users.putAll(site.lookups.userNames(userIds));
        }
    }

    private void titles(String register, Collection<Long> ids) {
        Map<Long, String> known = titles.computeIfAbsent(register, k -> new HashMap<>());
        Set<Long> missing = new HashSet<>(ids);
        missing.removeAll(known.keySet());
        if (!missing.isEmpty()) {
            known.putAll(site.lookups.titles(actor, site.project, register, missing));
        }
    }

    /** The title of a record the actor may see, or a neutral word for one out of their sight. */
    String title(String register, long id) {
        titles(register, List.of(id));
        String t = titles.get(register).get(id);
        return t == null ? r.message("register.unknown") : t;
    }

    String project() {
        return site.project.id();
    }

    /** A file's size as people read it: KB up to a megabyte, then MB with one decimal. */
    private String size(long bytes) {
        return bytes < 1024 * 1024 ? r.message("register.file.kb", Math.max(1, (bytes + 1023) / 1024))
                : r.message("register.file.mb", BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024 * 1024), 1,
                        java.math.RoundingMode.HALF_UP).toPlainString());
    }

    String unit(long unitId) {
        return units.computeIfAbsent(unitId, site.lookups::unitName);
    }

    String user(long userId) {
        if (!users.containsKey(userId)) {
            users.putAll(site.lookups.userNames(List.of(userId)));
        }
        String name = users.get(userId);
        return name == null ? r.message("register.unknown") : name;
    }

    // ---------------------------------------------------------------- one value

    /**
     * A value as text; {@code list} for a list or export cell, where phone numbers are masked.
     * Empty for a blank value.
     */
    String text(RegisterDefinition d, Field f, Object value, boolean list) {
        if (value == null) {
            return "";
        }
        return switch (f.type()) {
            case CHOICE -> choice(r, d, f, String.valueOf(value));
            case MULTI_CHOICE -> join(r, codes(value).stream().map(c -> choice(r, d, f, c)).toList());
            case BOOLEAN -> r.message(bool(value) ? "register.yes" : "register.no");
            case MONEY -> r.message(switch (f.moneyUnit()) {
                case YUAN -> "register.money.YUAN";
                case WAN_YUAN -> "register.money.WAN_YUAN";
            }, plain(value));
            case REFERENCE -> id(value) == null ? plain(value) : title(f.target(), id(value));
            case USER -> id(value) == null ? plain(value) : user(id(value));
            case PHONE -> list ? maskPhone(plain(value)) : plain(value);
            case FILE -> value instanceof Attachment a ? r.message("register.file.named", a.fileName(), size(a.size()))
                    : r.message("register.file.attached");
            default -> plain(value);
        };
    }

    /** Where a value links to: the record a reference names; null otherwise. */
    static String link(Field f, Object value) {
        Long id = f.type() == FieldType.REFERENCE ? id(value) : null;
        return id == null ? null : "/" + f.target() + "/" + id;
    }

    /** Items in a sentence, joined as the language joins them (、 in Chinese). */
    static String join(WebRequest r, List<String> parts) {
        String out = "";
        for (String p : parts) {
            out = out.isEmpty() ? p : r.message("register.join", out, p);
        }
        return out;
    }

    /** The text a form sends for this value, and the service parses back. */
    static String plain(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Collection<?> c) {
            return String.join(",", c.stream().map(Values::plain).toList());
        }
        return String.valueOf(value);
    }

    static List<String> codes(Object value) {
        if (value instanceof Collection<?> c) {
            return c.stream().map(Values::plain).toList();
        }
        String s = plain(value);
        return s.isEmpty() ? List.of() : List.of(s.split(","));
    }

    static boolean bool(Object value) {
        return value instanceof Boolean b ? b : "true".equalsIgnoreCase(plain(value));
    }

    static Long id(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        String s = plain(value);
        return s.matches("[1-9]\\d{0,17}") ? Long.valueOf(s) : null;
    }

    /** 13812345678 becomes 138****5678: enough to tell numbers apart in a list, too little to call. */
    static String maskPhone(String phone) {
        if (phone.length() < 8) {
            return "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
