package org.jixiao.project.employment.internal;

import org.jixiao.api.OrgUnit;

/**
 * Where one county stands in one refresh window.
 *
 * @param confirmation its newest confirmation in the window; null while it has not confirmed
 * @param versions how many times it confirmed in the window
 * @param previous its newest confirmation in an earlier window, what the changes are measured from; null if none
 * @param live its live records now: what a confirmation would freeze
 */
record RefreshStatus(OrgUnit county, RefreshWindow window, RefreshConfirmation confirmation, int versions,
        RefreshConfirmation previous, long live) {
}
