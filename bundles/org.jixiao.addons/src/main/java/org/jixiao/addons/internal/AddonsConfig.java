package org.jixiao.addons.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Which signers the node trusts: settings of the node (etc/org.jixiao.addons.cfg), not code. */
@ObjectClassDefinition(name = "Jixiao add-ons",
        description = "The certificates whose signature makes an uploaded plugin archive acceptable")
public @interface AddonsConfig {

    String PID = "org.jixiao.addons";

    @AttributeDefinition(name = "Trusted certificates",
            description = "SHA-256 fingerprints (hex, colons allowed) of the certificates that sign plugins: the "
                    + "city's release key, or the authority that issued it", required = false)
    String[] trusted_certificates() default {};

    @AttributeDefinition(name = "Trusted certificates folder",
            description = "A folder of PEM or DER certificates (.pem, .crt, .cer) trusted as well; relative to "
                    + "karaf.etc", required = false)
    String trusted_folder() default "addons-trust";
}
