package org.jixiao.api.project;

/**
 * @param id the project id
 * @param name its localised name (the id when the project is not running and its messages are unknown)
 * @param version the bundle version
 * @param problem for a failed project, what went wrong (for admins; no personal data)
 */
public record ProjectStatus(String id, String name, String version, ProjectState state, String problem) {
}
