package org.jixiao.api.project;

/** Where an installed key project stands, as the home page and {@code /api/v1/health} report it. */
public enum ProjectState {
    /** Registered, migrated, serving pages and indicators. */
    ACTIVE,
    /** Its bundle is active but its component is waiting for a service it needs. */
    WAITING,
    /** Its bundle is installed but stopped or not resolved. */
    STOPPED,
    /** Its component threw on activation, or a migration failed: it serves nothing, the node goes on. */
    FAILED
}
