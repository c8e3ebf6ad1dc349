package org.jixiao.register.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.register.RecordQuery;
import org.jixiao.api.register.RegisterDefinition;
import org.jixiao.api.web.Upload;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;

/**
 * The import and export of a register, as pages and as JSON: {@code <register>/import} (the upload form, or POST a
 * file), {@code import/template}, {@code import/<job>} (progress, then the report), {@code import/<job>/confirm},
 * {@code import/<job>/errors} (the report as .xlsx) and {@code <register>/export}.
 */
public final class TransferPages {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv;charset=UTF-8";
    /** Problems a report page lists; the .xlsx report has all of them. */
    static final int SHOWN = 200;

    private final KeyProject project;
    private final Transfer transfer;

    public TransferPages(KeyProject project, RegisterEngine engine) {
        this.project = project;
        this.transfer = engine.transfer();
    }

    /**
     * Answers {@code rest}, the path below {@code <register>/import}; the register's list page gives the export its
     * query.
     */
    public WebResult importing(WebRequest r, RegisterDefinition def, List<String> rest) {
        String method = r.method();
        if (rest.isEmpty() && method.equals("GET") && !r.api()) {
            return WebResult.page("register/import", base(r, def));
        }
        if (rest.isEmpty() && method.equals("POST")) {
            Upload file = r.upload("file").orElseThrow(() -> ValidationException.of("file", "register.import.noFile"));
            Transfer.Job job = transfer.start(r.actor(), project, def.id(), file, r::message);
            return r.api() ? WebResult.json(json(r, job)).withStatus(202)
                    : WebResult.redirect("/" + def.id() + "/import/" + job.id());
        }
        if (rest.size() == 1 && rest.get(0).equals("template") && method.equals("GET")) {
            return download(() -> transfer.template(r.actor(), project, def.id(), r::message),
                    r.message(def.messagePrefix() + ".title") + r.message("register.import.templateSuffix") + ".xlsx",
                    XLSX);
        }
        if (rest.isEmpty()) {
            throw new NotFoundException(def.id() + "/import");
        }
        Transfer.Job job = transfer.job(r.actor(), rest.get(0));
        if (!job.register().equals(def.id())) {
            throw new NotFoundException(def.id() + "/import/" + rest.get(0));
        }
        if (rest.size() == 1 && method.equals("GET")) {
            return r.api() ? WebResult.json(json(r, job)) : WebResult.page("register/import-job", jobModel(r, def, job));
        }
        if (rest.size() == 2 && rest.get(1).equals("confirm") && method.equals("POST")) {
            transfer.confirm(r.actor(), job.id());
            return r.api() ? WebResult.json(json(r, job)).withStatus(202)
                    : WebResult.redirect("/" + def.id() + "/import/" + job.id());
        }
        if (rest.size() == 2 && rest.get(1).equals("errors") && method.equals("GET") && job.rows() > 0) {
            return download(() -> transfer.errorReport(job, r::message),
                    r.message(def.messagePrefix() + ".title") + r.message("register.import.errorsSuffix") + ".xlsx",
                    XLSX);
        }
        throw new NotFoundException(def.id() + "/import/" + String.join("/", rest));
    }

    /** The list as filtered by {@code query}, every page of it, as .xlsx (the default) or CSV. */
    public WebResult export(WebRequest r, RegisterDefinition def, RecordQuery query) {
        boolean csv = "csv".equals(r.param("format"));
        boolean clear = "clear".equals(r.param("ids"));
        return download(() -> transfer.export(r.actor(), project, def.id(), query, csv, clear, r::message),
                r.message(def.messagePrefix() + ".title") + (csv ? ".csv" : ".xlsx"), csv ? CSV : XLSX);
    }

    @FunctionalInterface
    private interface Bytes {
        byte[] get() throws IOException;
    }

    private static WebResult download(Bytes bytes, String name, String type) {
        try {
            return WebResult.file(name, type, bytes.get());
        } catch (IOException e) {
            // Written to memory: an IOException here is a bug, not a user's mistake.
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> base(WebRequest r, RegisterDefinition def) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("register", def.id());
        m.put("title", r.message(def.messagePrefix() + ".title"));
        m.put("maxRows", Transfer.MAX_ROWS);
        return m;
    }

    private Map<String, Object> jobModel(WebRequest r, RegisterDefinition def, Transfer.Job job) {
        Map<String, Object> m = base(r, def);
        m.putAll(json(r, job));
        boolean running = job.phase() == Transfer.Phase.CHECKING || job.phase() == Transfer.Phase.WRITING;
        m.put("running", running);
        m.put("percent", job.rows() == 0 ? 100 : Math.min(100, job.done() * 100 / job.rows()));
        return m;
    }

    /** The job as the JSON API and the report page show it, its problems translated. */
    private static Map<String, Object> json(WebRequest r, Transfer.Job job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job", job.id());
        m.put("phase", job.phase().name());
        m.put("rows", job.rows());
        m.put("done", job.done());
        m.put("valid", job.valid());
        m.put("duplicates", job.duplicates());
        m.put("written", job.written());
        m.put("problemCount", job.problems().size());
        List<Map<String, Object>> problems = new ArrayList<>();
        for (Transfer.Problem p : job.problems().subList(0, Math.min(SHOWN, job.problems().size()))) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("row", p.row());
            x.put("column", p.column() < 0 ? "" : job.headers().get(p.column()));
            x.put("message", Transfer.describe(job, p, r::message));
            problems.add(x);
        }
        m.put("problems", problems);
        return m;
    }
}
