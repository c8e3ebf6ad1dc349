package org.jixiao.register.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.NotFoundException;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.register.Field;
import org.jixiao.api.register.FieldType;
import org.jixiao.api.register.PublicView;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.register.RegisterRecord;
import org.jixiao.api.web.WebHandler;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;

/**
 * The pages a project publishes without a login, such as a public notice (公示): only the records and fields its
 * {@link PublicView} names, masked as it declares, and never an ID number or phone in clear.
 */
final class PublicPages implements WebHandler {

    static final int MAX_ROWS = 1000;

    private final KeyProject project;
    private final ProjectModel model;
    private final RegisterEngine engine;

    PublicPages(KeyProject project, ProjectModel model, RegisterEngine engine) {
        this.project = project;
        this.model = model;
        this.engine = engine;
    }

    @Override
    public WebResult handle(WebRequest r) {
        String[] path = r.path().replaceAll("^/+|/+$", "").split("/");
        if (!r.method().equals("GET") || path.length != 1 || !model.has(path[0])
                || model.register(path[0]).publicView() == null) {
            throw new NotFoundException(project.id() + r.path());
        }
        RegisterDefinition def = model.register(path[0]);
        PublicView view = def.publicView();
        List<Map<String, Object>> rows = new ArrayList<>();
        int n = 0;
        for (RegisterRecord rec : engine.published(model, def, MAX_ROWS)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("n", ++n);
            List<String> cells = new ArrayList<>();
            for (String name : view.fields()) {
                Field f = def.field(name).orElseThrow();
                cells.add(mask(r, def, f, rec.value(name), view.masks().getOrDefault(name, PublicView.Mask.NONE)));
            }
            row.put("cells", cells);
            rows.add(row);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", r.message(def.messagePrefix() + ".public.title"));
        model.put("headers", view.fields().stream().map(f -> r.message(def.messagePrefix() + ".field." + f)).toList());
        model.put("rows", rows);
        model.put("noindex", true);
        return WebResult.page("register/public", model);
    }

    static String mask(WebRequest r, RegisterDefinition def, Field f, Object value, PublicView.Mask mask) {
        if (value == null) {
            return "";
        }
        String text = switch (f.type()) {
            case CHOICE -> r.message(def.messagePrefix() + "." + f.name() + "." + value);
            case BOOLEAN -> r.message(Boolean.TRUE.equals(value) ? "register.yes" : "register.no");
            case PHONE -> Values.maskPhone(String.valueOf(value));
            default -> Values.plain(value);
        };
        if (f.type() == FieldType.ID_NUMBER || mask == PublicView.Mask.LAST4) {
            return Values.maskId(text);
        }
        if (mask == PublicView.Mask.NAME && !text.isEmpty()) {
            int first = text.offsetByCodePoints(0, 1);
            return text.substring(0, first) + "*".repeat(text.codePointCount(first, text.length()));
        }
        return text;
    }
}
