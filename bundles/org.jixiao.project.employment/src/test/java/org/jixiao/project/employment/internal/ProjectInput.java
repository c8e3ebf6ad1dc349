package org.jixiao.project.employment.internal;

/** An entrepreneurship project as the old service took it, every field raw text; {@code founder} is a youth id. */
record ProjectInput(String name, String founder, String sector, String stage, String support, String county,
        String registeredOn) {
}
