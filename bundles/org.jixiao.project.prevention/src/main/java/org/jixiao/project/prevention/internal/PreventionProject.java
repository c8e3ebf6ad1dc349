package org.jixiao.project.prevention.internal;

import java.time.Clock;
import java.time.MonthDay;
import java.util.List;
import java.util.stream.Stream;

import org.jixiao.api.AuditLog;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.performance.MilestoneDefinition;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.project.ProjectRole;
import org.jixiao.api.register.RegisterProject;
import org.jixiao.api.register.RegisterService;
import org.jixiao.api.store.Store;
import org.jixiao.api.web.WebHandler;
import org.jixiao.api.web.WebResult;
import org.jixiao.project.prevention.internal.service.ServicePages;
import org.jixiao.project.prevention.internal.statistics.CrimeStatistics;
import org.jixiao.project.prevention.internal.survey.SurveyPages;
import org.jixiao.project.prevention.internal.transfer.TransferRegister;
import org.jixiao.project.prevention.internal.work.WorkRegisters;
import org.jixiao.project.prevention.internal.youth.Indicators;
import org.jixiao.project.prevention.internal.youth.YouthRegister;
import org.osgi.annotation.bundle.Header;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Key project C, key youth groups service management and crime prevention (POLICY.md section 4, 附件3): the survey
 * and registration of key youth with the member units' verification, their pairing with a professional and a
 * volunteer, the helpers' monthly visits with the overdue list, and the offence history, on a need-to-know basis with
 * every read audited. The evaluated units are the county crime-prevention offices (role PREVENTION_OFFICE).
 */
@Header(name = KeyProject.BUNDLE_HEADER, value = PreventionProject.ID)
@Component(service = {KeyProject.class, PreventionProject.class}, immediate = true,
        property = KeyProject.PROPERTY_ID + "=" + PreventionProject.ID)
public final class PreventionProject extends RegisterProject {

    public static final String ID = "prevention";

    private static final List<MilestoneDefinition> MILESTONES = List.of(
            new MilestoneDefinition("survey", "milestone.survey", MonthDay.of(2, 28), Indicators.CLAUSE),
            new MilestoneDefinition("pairing", "milestone.pairing", MonthDay.of(3, 31), Indicators.CLAUSE),
            new MilestoneDefinition("cityPairing", "milestone.cityPairing", MonthDay.of(4, 30), Indicators.CLAUSE));

    private static final List<IndicatorDefinition> INDICATORS = Stream.of(Indicators.ALL, WorkRegisters.INDICATORS)
            .flatMap(List::stream).toList();

    @Activate
    public PreventionProject(@Reference Store store, @Reference OrgUnitService orgUnits,
            @Reference RegisterService engine, @Reference AuditLog audit) {
        this(store, orgUnits, engine, audit, Clock.systemDefaultZone());
    }

    PreventionProject(Store store, OrgUnitService orgUnits, RegisterService engine, AuditLog audit, Clock clock) {
        super(ID, engine, Stream.of(YouthRegister.definitions(orgUnits), List.of(TransferRegister.definition()),
                WorkRegisters.definitions(), CrimeStatistics.definitions()).flatMap(List::stream).toList());
        WebHandler service = new ServicePages(store, orgUnits, engine, this, audit, clock);
        WebHandler survey = new SurveyPages(store, orgUnits, engine, this, audit, clock);
        // The project's own pages: the service's lists, then the survey's.
        serve(r -> {
            WebResult answer = service.handle(r);
            return answer != null ? answer : survey.handle(r);
        });
    }

    @Override
    public List<IndicatorDefinition> indicators() {
        return INDICATORS;
    }

    @Override
    public List<MilestoneDefinition> milestones() {
        return MILESTONES;
    }

    @Override
    public List<ProjectRole> roles() {
        return Roles.ALL;
    }
}
