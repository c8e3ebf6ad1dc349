package org.jixiao.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The header of the documents the city prints and files: settings of the city's node, not code. */
@ObjectClassDefinition(name = "Jixiao documents",
        description = "The red header of printed documents: the committee's name and the document-number prefix")
public @interface DocumentConfig {

    String PID = "org.jixiao.documents";

    @AttributeDefinition(name = "Committee",
            description = "The issuing committee's full name in the red header; blank: the root org unit's name")
    String committee() default "";

    @AttributeDefinition(name = "Document-number prefix",
            description = "What stands before 〔year〕N号 in a document number; blank: the translated default")
    String numberPrefix() default "";
}
