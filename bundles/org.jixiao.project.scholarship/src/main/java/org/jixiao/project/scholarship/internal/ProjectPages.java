package org.jixiao.project.scholarship.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.OrgLevel;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.store.Store;
import org.jixiao.api.web.WebHandler;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;
import org.jixiao.project.scholarship.internal.chain.DecisionChain;
import org.jixiao.project.scholarship.internal.notice.Recipients;
import org.jixiao.project.scholarship.internal.notice.Years;
import org.jixiao.project.scholarship.internal.plan.Plans;

/**
 * The project's own pages beside its registers: the check of the decision chain (the city's), the printable
 * disbursement list with a signature line per student (a county's own recipients, the city's all), the
 * reconciliation of the year's money and each county's results on the five criteria.
 */
final class ProjectPages implements WebHandler {

    private final Store store;
    private final DecisionChain chain;
    private final Recipients recipients;
    private final OrgUnitService orgUnits;
    private final Evaluation evaluation;
    private final WebHandler pages = WebHandler.gets(Map.of("chain", this::chain, "disbursement", this::disbursement,
            "reconciliation", this::reconciliation, "results", this::results));

    ProjectPages(Store store, DecisionChain chain, Recipients recipients, OrgUnitService orgUnits,
            Evaluation evaluation) {
        this.evaluation = evaluation;
        this.store = store;
        this.chain = chain;
        this.recipients = recipients;
        this.orgUnits = orgUnits;
    }

    @Override
    public WebResult handle(WebRequest r) {
        return pages.handle(r);
    }

    /** The whole chain checked: intact, or the first broken entry and the first record that disagrees. */
    private WebResult chain(WebRequest r) {
        Actor actor = r.actor();
        if (actor.orgUnit().level() != OrgLevel.CITY || !(actor.hasRole(Roles.HOPE_OFFICE) || actor.has(Role.ADMIN))) {
            throw new AccessDeniedException("scholarship chain: the city's Hope Project office");
        }
        DecisionChain.Verification v = store.read(chain::verify);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("entries", v.entries());
        model.put("head", v.head());
        model.put("intact", v.intact());
        model.put("brokenSeq", v.brokenSeq() == null ? "" : v.brokenSeq().toString());
        model.put("brokenRecord", v.brokenRecord() == null ? "" : v.brokenRecord());
        // A printed notice's value: which entry it was, and whether the chain is intact up to it.
        String printed = r.param("head");
        if (printed != null && !printed.isBlank()) {
            if (!printed.strip().matches("[0-9a-f]{64}")) {
                throw ValidationException.of("head", "chain.head.invalid");
            }
            Long seq = store.read(c -> chain.entryOf(c, printed.strip())).orElse(null);
            model.put("printed", printed.strip());
            model.put("printedSeq", seq == null ? "" : seq.toString());
            model.put("printedIntact", seq != null && (v.brokenSeq() == null || v.brokenSeq() > seq));
        }
        return r.api() ? WebResult.json(model) : WebResult.page("chain", model);
    }

    /**
     * Each county's five criteria in a year, last year's by default: what the city looks at when it makes the next
     * year's plan (linked from the plans).
     */
    private WebResult results(WebRequest r) {
        Actor actor = r.actor();
        if (!actor.hasAnyRole()) {
            throw new AccessDeniedException("scholarship results");
        }
        int year = r.param("year") == null || r.param("year").isBlank() ? Years.param(r) - 1 : Years.param(r);
        List<OrgUnit> counties = orgUnits.visibleTo(actor).stream().filter(u -> u.level() == OrgLevel.COUNTY)
                .toList();
        Map<Long, Map<String, java.math.BigDecimal>> actuals = evaluation.actualsAsOf(counties.stream()
                .map(OrgUnit::id).toList(), year, java.time.LocalDate.of(year, 12, 31));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (OrgUnit u : counties) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("county", u.name());
            List<String> values = new ArrayList<>();
            for (org.jixiao.api.project.IndicatorDefinition d : Evaluation.ALL) {
                values.add(actuals.getOrDefault(u.id(), Map.of()).getOrDefault(d.id(), java.math.BigDecimal.ZERO)
                        .toPlainString());
            }
            row.put("values", values);
            rows.add(row);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("year", year);
        model.put("indicators", Evaluation.ALL.stream().map(d -> Map.of("id", d.id(), "name", d.nameKey(),
                "unit", d.unitKey())).toList());
        model.put("rows", rows);
        return r.api() ? WebResult.json(model) : WebResult.page("results", model);
    }

    /** The year's money of each county in reach that has a plan: raised = disbursed + carried over, to the fen. */
    private WebResult reconciliation(WebRequest r) {
        Actor actor = r.actor();
        if (!actor.hasAnyRole()) {
            throw new AccessDeniedException("scholarship reconciliation");
        }
        int year = Years.param(r);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (OrgUnit u : orgUnits.visibleTo(actor)) {
            Plans.Balance b = store.read(c -> {
                Plans plan = Plans.of(c, u.id(), year).orElse(null);
                return plan == null ? null : plan.balance(c, u.id(), year);
            });
            if (b == null) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("county", u.name());
            row.put("raised", b.raised().toPlainString());
            row.put("disbursed", b.disbursed().toPlainString());
            row.put("carriedOver", b.carriedOver() == null ? "" : b.carriedOver().toPlainString());
            row.put("difference", b.difference().toPlainString());
            row.put("reconciled", b.reconciled());
            rows.add(row);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("year", year);
        model.put("rows", rows);
        return r.api() ? WebResult.json(model) : WebResult.page("reconciliation", model);
    }

    /** The recipients of the year in the actor's reach, in full, with the amount and a blank for the signature. */
    private WebResult disbursement(WebRequest r) {
        Actor actor = r.actor();
        if (!actor.hasRole(Roles.HOPE_OFFICE)) {
            throw new AccessDeniedException("scholarship disbursement list: a Hope Project office");
        }
        int year = Years.param(r);
        Map<Long, String> counties = new LinkedHashMap<>();
        for (OrgUnit u : orgUnits.visibleTo(actor)) {
            counties.put(u.id(), u.name());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Recipients.Recipient x : recipients.of(year, counties.keySet())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("n", rows.size() + 1);
            row.put("name", x.name());
            row.put("county", counties.get(x.unitId()));
            row.put("university", x.university());
            row.put("amount", (x.paid() != null ? x.paid() : x.grant() == null ? "" : x.grant()).toString());
            row.put("paid", x.paid() != null);
            rows.add(row);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("year", year);
        model.put("rows", rows);
        model.put("office", actor.orgUnit().name());
        return r.api() ? WebResult.json(model) : WebResult.page("disbursement-list", model);
    }
}
