package org.jixiao.web.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;

/**
 * FreeMarker with HTML auto-escaping. Each plugin gets a configuration whose loader looks in the plugin's
 * bundle first and then here, so every page shares {@code /layout.ftlh}.
 */
@Component(service = Templates.class)
public final class Templates {

    private static final ClassLoader OWN = Templates.class.getClassLoader();
    private static final System.Logger LOG = System.getLogger(Templates.class.getName());

    /**
     * Keyed weakly by the plugin's class loader. The value refers to its loader, so it is held softly: once a
     * plugin is updated or removed nothing else holds the old loader and both can go.
     */
    private final Map<ClassLoader, java.lang.ref.SoftReference<Configuration>> configurations = new WeakHashMap<>();

    /** What {@link #activate} parses ahead: the login page, the first page anyone asks for, and what it imports. */
    static final List<String> WARM = List.of("layout", "login");

    /**
     * Parses the login page's templates in both languages on a thread of its own, while the rest of the node is still
     * starting, so that the first request does not wait for FreeMarker (issue 18). A failure only costs that request
     * the parse; the request then reports it as it would have anyway.
     */
    @Activate
    void activate() {
        Thread warm = new Thread(this::warmUp, "jixiao-templates-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    /** The templates of {@link #WARM} now in FreeMarker's cache, parsed in both languages. */
    List<String> warmUp() {
        Configuration configuration = configuration(OWN);
        List<String> parsed = new java.util.ArrayList<>();
        for (String name : WARM) {
            try {
                for (java.util.Locale locale : List.of(Messages.ZH_CN, java.util.Locale.ENGLISH)) {
                    configuration.getTemplate(name + ".ftlh", locale);
                }
                parsed.add(name);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "template " + name + " not parsed ahead", e);
            }
        }
        return parsed;
    }

    void render(ClassLoader plugin, String template, Map<String, Object> model, Messages messages, Writer out)
            throws IOException {
        Configuration configuration = configuration(plugin == null ? OWN : plugin);
        model.put("msg", (TemplateMethodModelEx) args -> message(messages, args));
        model.put("clause", (TemplateMethodModelEx) args -> args.isEmpty() ? null : PolicyClauses.localize(
                (String) DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(0)), messages));
        try {
            configuration.getTemplate(template + ".ftlh", messages.locale()).process(model, out);
        } catch (TemplateException e) {
            // Unchecked, so the servlets' last-resort handler logs it and shows the generic error page.
            throw new IllegalStateException("template " + template + " failed", e);
        }
    }

    private static Object message(Messages messages, List<?> args) throws TemplateModelException {
        if (args.isEmpty()) {
            throw new TemplateModelException("msg needs a key");
        }
        Object[] rest = new Object[args.size() - 1];
        for (int i = 1; i < args.size(); i++) {
            rest[i - 1] = DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(i));
        }
        return messages.get(String.valueOf(DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(0))),
                rest);
    }

    private synchronized Configuration configuration(ClassLoader loader) {
        java.lang.ref.SoftReference<Configuration> ref = configurations.get(loader);
        Configuration c = ref == null ? null : ref.get();
        if (c == null) {
            c = create(loader);
            configurations.put(loader, new java.lang.ref.SoftReference<>(c));
        }
        return c;
    }

    static Configuration create(ClassLoader loader) {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        TemplateLoader own = new ClassTemplateLoader(OWN, "/templates");
        c.setTemplateLoader(loader == OWN ? own
                : new MultiTemplateLoader(new TemplateLoader[] {new ClassTemplateLoader(loader, "/templates"), own}));
        c.setRecognizeStandardFileExtensions(true);
        c.setOutputFormat(HTMLOutputFormat.INSTANCE);
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        c.setURLEscapingCharset("UTF-8");
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setObjectWrapper(new TimeWrapper());
        c.setNumberFormat("computer");
        c.setBooleanFormat("c");
        c.setAPIBuiltinEnabled(false);
        return c;
    }

    /** Instants as people read them: the node's local day and minute, not an ISO string with nanoseconds. */
    static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter.ofPattern(
            "yyyy-MM-dd HH:mm");

    static String when(java.time.Instant instant) {
        // The node runs in its users' zone (-Duser.timezone, Asia/Shanghai by default).
        return WHEN.format(instant.atZone(java.time.ZoneId.systemDefault()));
    }

    /** The default wrapper, except that an Instant prints (and passes to messages) as {@link #when}. */
    private static final class TimeWrapper extends freemarker.template.DefaultObjectWrapper {
        TimeWrapper() {
            super(Configuration.VERSION_2_3_34);
        }

        @Override
        public freemarker.template.TemplateModel wrap(Object obj) throws TemplateModelException {
            return obj instanceof java.time.Instant i ? new freemarker.template.SimpleScalar(when(i)) : super.wrap(obj);
        }
    }
}
