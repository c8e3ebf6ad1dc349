package org.jixiao.web.internal;

import org.jixiao.api.OrgUnitService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The red header (红头) of printed documents as the city configured it: the committee's name, by default the root
 * org unit's, and the document-number prefix, by default the translated one. A changed setting takes effect on the
 * next document printed.
 */
@Component(service = DocumentHeader.class, configurationPid = DocumentConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DocumentConfig.class)
public final class DocumentHeader {

    private final OrgUnitService orgUnits;
    // Changed in place from the settings page, so the servlets holding this header need not restart.
    private volatile String committee;
    private volatile String numberPrefix;

    @Activate
    public DocumentHeader(@Reference OrgUnitService orgUnits, DocumentConfig config) {
        this(orgUnits, config.committee(), config.numberPrefix());
    }

    DocumentHeader(OrgUnitService orgUnits, String committee, String numberPrefix) {
        this.orgUnits = orgUnits;
        apply(committee, numberPrefix);
    }

    @Modified
    void modified(DocumentConfig config) {
        apply(config.committee(), config.numberPrefix());
    }

    private void apply(String committee, String numberPrefix) {
        this.committee = committee == null ? "" : committee.strip();
        this.numberPrefix = numberPrefix == null ? "" : numberPrefix.strip();
    }

    /** The committee as set: blank when the root unit's name stands in. */
    String committeeSetting() {
        return committee;
    }

    /** The prefix as set: blank when the translated default stands in. */
    String numberPrefixSetting() {
        return numberPrefix;
    }

    String committee() {
        return committee.isEmpty() ? orgUnits.root().name() : committee;
    }

    String numberPrefix(Messages messages) {
        return numberPrefix.isEmpty() ? messages.get("document.numberPrefix") : numberPrefix;
    }
}
