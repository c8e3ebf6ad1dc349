package org.jixiao.benchmarks;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the core's services as SCR would, through their public (DS) constructors, so the benchmark keeps
 * compiling and running while the core's components gain references: each constructor parameter is filled with
 * the service of that type given so far, or with a new instance of the core's implementation of it.
 */
final class Wiring {

    /** The core's implementation of each service interface a constructor may ask for. */
    private static final Map<String, String> IMPLEMENTATIONS = Map.of(
            "org.jixiao.api.OrgUnitService", "org.jixiao.core.internal.org.OrgUnitServiceImpl",
            "org.jixiao.api.performance.PerformanceCycle", "org.jixiao.core.internal.performance.PerformanceCycleImpl",
            "org.jixiao.api.performance.TargetService", "org.jixiao.core.internal.performance.TargetServiceImpl",
            "org.jixiao.api.performance.MilestoneService", "org.jixiao.core.internal.milestone.MilestoneServiceImpl",
            "org.jixiao.api.performance.SelfAssessmentService",
            "org.jixiao.core.internal.selfassessment.SelfAssessmentServiceImpl",
            "org.jixiao.api.performance.TrackingService", "org.jixiao.core.internal.tracking.TrackingServiceImpl",
            "org.jixiao.api.assessment.EvaluationService",
            "org.jixiao.core.internal.evaluation.EvaluationServiceImpl",
            "org.jixiao.api.questionnaire.QuestionnaireService",
            "org.jixiao.core.internal.questionnaire.QuestionnaireServiceImpl",
            "org.jixiao.api.questionnaire.AnswerService", "org.jixiao.core.internal.questionnaire.AnswerServiceImpl");

    private final Map<Class<?>, Object> services = new LinkedHashMap<>();

    <T> T put(Class<T> type, T service) {
        services.put(type, service);
        return service;
    }

    /** The service of this type: given, or built from the core's implementation (and then kept). */
    <T> T get(Class<T> type) {
        Object s = services.get(type);
        if (s == null) {
            String impl = IMPLEMENTATIONS.get(type.getName());
            if (impl == null) {
                throw new IllegalStateException("nothing provides " + type.getName());
            }
            s = create(impl);
            services.put(type, s);
        }
        return type.cast(s);
    }

    /** A new instance of {@code className} through its public constructor with the most parameters. */
    Object create(String className) {
        try {
            Class<?> type = Class.forName(className);
            Constructor<?> ctor = java.util.Arrays.stream(type.getConstructors())
                    .filter(c -> Modifier.isPublic(c.getModifiers()))
                    .max(Comparator.comparingInt(Constructor::getParameterCount))
                    .orElseThrow(() -> new IllegalStateException(className + " has no public constructor"));
            Object[] args = new Object[ctor.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                args[i] = get(ctor.getParameterTypes()[i]);
            }
            return ctor.newInstance(args);
        } catch (ClassNotFoundException | InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot build " + className, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot build " + className, e.getCause());
        }
    }
}
