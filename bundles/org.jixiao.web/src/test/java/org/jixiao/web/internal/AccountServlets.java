package org.jixiao.web.internal;

import static org.jixiao.web.internal.QuestionnaireFakes.unused;

import java.util.Locale;
import java.util.function.Function;

import org.jixiao.api.FieldKeyStatus;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.assessment.EvaluationService;
import org.jixiao.api.performance.ManualIndicatorService;
import org.jixiao.api.performance.MilestoneService;
import org.jixiao.api.performance.PerformanceCycle;
import org.jixiao.api.performance.SelfAssessmentService;
import org.jixiao.api.performance.TargetService;
import org.jixiao.api.performance.TrackingService;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.questionnaire.AnswerService;
import org.jixiao.api.questionnaire.QuestionnaireService;
import org.jixiao.api.security.Authentication;
import org.jixiao.api.security.UserService;
import org.jixiao.api.store.Store;

/** The servlets with the account services a test gives; every other service fails when reached. */
final class AccountServlets {

    /** The field-encryption key as on a sound node. */
    static final FieldKeyStatus KEY_OK = key(FieldKeyStatus.State.OK, locale -> null);

    static FieldKeyStatus key(FieldKeyStatus.State state, Function<Locale, String> problem) {
        return new FieldKeyStatus() {
            @Override
            public State state() {
                return state;
            }

            @Override
            public String problem(Locale locale) {
                return problem.apply(locale);
            }
        };
    }

    private AccountServlets() {
    }

    static PageServlet pages(WebSessions sessions, Authentication authentication, UserService users,
            OrgUnitService orgUnits, ProjectRegistry projects) {
        return new PageServlet(sessions, new Templates(), authentication, users, orgUnits, projects,
                unused(PerformanceCycle.class), unused(TargetService.class), unused(EvaluationService.class),
                unused(SelfAssessmentService.class), unused(MilestoneService.class), unused(TrackingService.class),
                unused(ManualIndicatorService.class), unused(QuestionnaireService.class), unused(AnswerService.class),
                KEY_OK, new DocumentHeader(orgUnits, "", ""), QuestionnaireFakes.dashboard(projects,
                        unused(MilestoneService.class), orgUnits));
    }

    static ApiServlet api(WebSessions sessions, Authentication authentication, UserService users,
            OrgUnitService orgUnits, ProjectRegistry projects) {
        return new ApiServlet(sessions, authentication, users, orgUnits, projects, unused(Store.class),
                unused(PerformanceCycle.class), unused(TargetService.class), unused(EvaluationService.class),
                unused(ManualIndicatorService.class), unused(QuestionnaireService.class), unused(MilestoneService.class),
                unused(TrackingService.class), unused(SelfAssessmentService.class), KEY_OK,
                QuestionnaireFakes.dashboard(projects, unused(MilestoneService.class), orgUnits));
    }
}
