package org.jixiao.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Jixiao web", description = "Sessions and cookies of the Jixiao web interface")
public @interface WebConfig {

    String PID = "org.jixiao.web";

    @AttributeDefinition(name = "Session idle timeout (minutes)", min = "1", max = "1440")
    int sessionIdleMinutes() default 30;

    @AttributeDefinition(name = "Secure cookies",
            description = "Mark cookies Secure; turn on when the node is served over HTTPS")
    boolean secureCookies() default false;
}
