package org.jixiao.core.internal.shell;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;

import org.jixiao.api.AccessDeniedException;
import org.jixiao.api.Actor;
import org.jixiao.api.NotFoundException;
import org.jixiao.api.OrgUnit;
import org.jixiao.api.Role;
import org.jixiao.api.ValidationException;
import org.jixiao.api.assessment.EvaluationRun;
import org.jixiao.api.assessment.RankedScore;
import org.jixiao.api.assessment.ModuleInfo;
import org.jixiao.api.assessment.ScorePart;
import org.jixiao.api.assessment.UnitInput;
import org.jixiao.api.assessment.UnitScore;
import org.jixiao.api.performance.PerformanceYear;
import org.jixiao.api.performance.StepWindow;
import org.jixiao.api.project.ProjectStatus;

/**
 * What the {@code jixiao:*} commands print, kept free of Karaf so it can be tested on its own: the console's
 * actor, plain-text tables, and failures as one readable line.
 */
public final class Console {

    /** The user id of the console in audit rows: no account has it (ids start at 1), and JX_AUDIT has no foreign key. */
    public static final long USER_ID = 0;
    /** The name audit rows and "by" columns carry for changes made from the console. */
    public static final String USERNAME = "console";
    /** The product's language: project and module names are printed as the pages show them. */
    public static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;

    private static final String NONE = "-";

    private Console() {
    }

    /**
     * The city's system account as the commands act: an admin and assessor of the root unit, so the services'
     * own permission checks let it open and move years and run evaluations, and nothing more.
     */
    public static Actor actor(OrgUnit root) {
        Objects.requireNonNull(root, "root");
        return new Actor(USER_ID, USERNAME, Set.of(Role.ADMIN, Role.ASSESSOR), root, LOCALE);
    }

    /** A year argument: four digits, else the same message key the services use for a year out of range. */
    public static int year(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("\\d{4}")) {
            throw ValidationException.of("year", "cycle.year.range");
        }
        return Integer.parseInt(t);
    }

    // ---------------------------------------------------------------- failures

    /** A failure of the services as one line for the operator, each refusal in words; never a stack trace. */
    public static String describe(RuntimeException e) {
        if (e instanceof ValidationException v) {
            StringBuilder out = new StringBuilder("Refused:");
            v.fieldErrors().forEach((field, key) -> out.append(' ').append(field).append(" -> ").append(message(key))
                    .append(';'));
            out.setLength(out.length() - 1);
            return out.toString();
        }
        if (e instanceof AccessDeniedException) {
            return "Not allowed: " + e.getMessage();
        }
        if (e instanceof NotFoundException) {
            return "Not found: " + e.getMessage();
        }
        return "Failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    /**
     * The text of a refusal's message key in the console's language ({@code i18n/console*.properties}); the key
     * itself only for one the bundle lacks, which ConsoleMessagesTest keeps from happening.
     */
    static String message(String key) {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.console", LOCALE, Console.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return bundle.containsKey(key) ? bundle.getString(key) : key;
    }

    // ---------------------------------------------------------------- tables

    /** A table with a header line, a rule and one line per row; columns as wide as their widest cell. */
    public static String table(List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(headers.get(i));
        }
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length && i < row.size(); i++) {
                widths[i] = Math.max(widths[i], width(cell(row.get(i))));
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, widths);
        List<String> rule = new ArrayList<>();
        for (int w : widths) {
            rule.add("-".repeat(w));
        }
        line(out, rule, widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String c = i < cells.size() ? cell(cells.get(i)) : NONE;
            if (i > 0) {
                l.append("  ");
            }
            l.append(c);
            if (i < widths.length - 1) {
                l.append(" ".repeat(widths[i] - width(c)));
            }
        }
        out.append(l.toString().stripTrailing()).append('\n');
    }

    private static String cell(String s) {
        if (s == null || s.isEmpty()) {
            return NONE;
        }
        // One line per row: a problem text or an explanation may carry line breaks.
        return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }

    /** Terminal columns: CJK and full-width characters take two. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length();) {
            int cp = s.codePointAt(i);
            w += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    /** The unit with this code: exactly, else the one unit whose code differs only in case. */
    public static Optional<OrgUnit> unitByCode(List<OrgUnit> units, String code) {
        String c = code == null ? "" : code.strip();
        Optional<OrgUnit> exact = units.stream().filter(u -> u.code().equals(c)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        List<OrgUnit> loose = units.stream().filter(u -> u.code().equalsIgnoreCase(c)).toList();
        return loose.size() == 1 ? Optional.of(loose.get(0)) : Optional.empty();
    }

    /** The newest run (highest id). */
    public static EvaluationRun latest(List<EvaluationRun> runs) {
        return runs.stream().max(Comparator.comparingLong(EvaluationRun::id)).orElseThrow();
    }

    private static String plain(BigDecimal v) {
        return v == null ? NONE : v.toPlainString();
    }

    // ---------------------------------------------------------------- what the commands print

    public static String projects(List<ProjectStatus> projects) {
        List<List<String>> rows = new ArrayList<>();
        for (ProjectStatus p : projects) {
            rows.add(List.of(p.id(), cell(p.version()), p.state().name(), cell(p.problem())));
        }
        return table(List.of("ID", "VERSION", "STATE", "PROBLEM"), rows);
    }

    public static String modules(List<ModuleInfo> modules) {
        List<List<String>> rows = new ArrayList<>();
        for (ModuleInfo m : modules) {
            rows.add(List.of(m.id(), m.version(), cell(m.name())));
        }
        return table(List.of("ID", "VERSION", "NAME"), rows);
    }

    /** Each year with its step and the window of that step. */
    public static String years(List<PerformanceYear> years) {
        List<List<String>> rows = new ArrayList<>();
        for (PerformanceYear y : years) {
            rows.add(List.of(String.valueOf(y.year()), y.step().name(), window(y)));
        }
        return table(List.of("YEAR", "STEP", "WINDOW"), rows);
    }

    /** The window of the step the year stands at, "2031-01-01..2031-03-31". */
    static String window(PerformanceYear y) {
        return y.window(y.step()).map(Console::window).orElse(NONE);
    }

    static String window(StepWindow w) {
        return w.opens() + ".." + w.closes();
    }

    /** A year with all its windows, the current step marked. */
    public static String year(PerformanceYear y) {
        List<List<String>> rows = new ArrayList<>();
        for (StepWindow w : y.windows()) {
            rows.add(List.of(w.step() == y.step() ? "*" : "", w.step().name(), window(w)));
        }
        return "Year " + y.year() + " stands at " + y.step().name() + "\n"
                + table(List.of("", "STEP", "WINDOW"), rows);
    }

    static List<RankedScore> ranking(EvaluationRun run) {
        return run.ranking();
    }

    static String runLine(EvaluationRun run) {
        return "Run " + run.id() + " of " + run.year() + ": module " + run.moduleId() + "@" + run.moduleVersion()
                + ", " + run.result().scores().size() + " units, by " + run.by() + " at " + run.at()
                + (run.published() ? ", published" : "")
                + (run.basedOnRunId() == null ? "" : ", re-scored from run " + run.basedOnRunId());
    }

    /** The run's header line and its ranking. */
    public static String run(EvaluationRun run) {
        List<List<String>> rows = new ArrayList<>();
        for (RankedScore r : ranking(run)) {
            rows.add(List.of(String.valueOf(r.rank()), String.valueOf(r.orgUnitId()), cell(r.orgUnitName()),
                    plain(r.score().total())));
        }
        return runLine(run) + "\n" + table(List.of("RANK", "UNIT", "NAME", "TOTAL"), rows);
    }

    /** One unit's total, rank and parts in a run; null when the run has no score of that unit. */
    public static String score(EvaluationRun run, OrgUnit unit) {
        List<RankedScore> ranking = ranking(run);
        for (RankedScore r : ranking) {
            if (r.orgUnitId() != unit.id()) {
                continue;
            }
            List<List<String>> rows = new ArrayList<>();
            for (ScorePart p : r.score().parts()) {
                rows.add(List.of(p.part(), plain(p.weight()), plain(p.raw()), plain(p.points()),
                        cell(p.explanation())));
            }
            return runLine(run) + "\n" + unit.name() + " (" + unit.code() + "): total " + plain(r.score().total())
                    + ", rank " + r.rank() + " of " + ranking.size() + "\n"
                    + table(List.of("PART", "WEIGHT", "RAW", "POINTS", "EXPLANATION"), rows);
        }
        return null;
    }
}
