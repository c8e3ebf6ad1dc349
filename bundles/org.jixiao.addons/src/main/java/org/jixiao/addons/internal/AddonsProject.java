package org.jixiao.addons.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.karaf.features.FeaturesService;
import org.jixiao.api.AuditLog;
import org.jixiao.api.OrgUnitService;
import org.jixiao.api.project.IndicatorDefinition;
import org.jixiao.api.project.KeyProject;
import org.jixiao.api.project.ProjectRegistry;
import org.jixiao.api.store.Store;
import org.jixiao.api.web.WebHandler;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Serves the add-ons page at {@code /p/addons} the way key projects serve theirs: the web layer routes the path,
 * checks the session and the CSRF token and renders the page in its layout. It is no key project: its bundle carries
 * no {@code Jixiao-Project} header, so the project lists, the health report and the dashboard never show it, and it
 * has no indicators. The core applies its migration (its own tables) as it does a project's. It is also a service of
 * its own class, for the console commands of the bundle.
 */
@Component(service = {KeyProject.class, AddonsProject.class}, immediate = true, configurationPid = AddonsConfig.PID,
        property = KeyProject.PROPERTY_ID + "=" + AddonsProject.ID)
@Designate(ocd = AddonsConfig.class)
public final class AddonsProject implements KeyProject {

    static final String ID = "addons";

    private final Addons addons;
    private final AddonsPages pages;

    @Activate
    public AddonsProject(BundleContext context, @Reference FeaturesService features,
            @Reference ProjectRegistry projects, @Reference OrgUnitService orgUnits, @Reference AuditLog audit,
            @Reference Store store, @Reference ServiceComponentRuntime scr, AddonsConfig config) {
        Path data = Path.of(System.getProperty("karaf.data", "data"));
        Path etc = Path.of(System.getProperty("karaf.etc", "etc"));
        this.addons = new Addons(context, features, projects, orgUnits, audit, store, data, Trust.of(config, etc),
                scr);
        this.pages = new AddonsPages(addons);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<IndicatorDefinition> indicators() {
        return List.of();
    }

    @Override
    public Map<Long, Map<String, BigDecimal>> actuals(Collection<Long> orgUnitIds, int year) {
        return Map.of();
    }

    @Override
    public WebHandler web() {
        return pages;
    }

    /** The same, for the console commands. */
    Addons addons() {
        return addons;
    }
}
