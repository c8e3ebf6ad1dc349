package org.jixiao.api.assessment;

/** An installed assessment module as admins choose among them. */
public record ModuleInfo(String id, String version, String name, String method) {
}
