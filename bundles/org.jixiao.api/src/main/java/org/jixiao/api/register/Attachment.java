package org.jixiao.api.register;

import java.util.Objects;

/**
 * A file attached to a record: the value of a {@link FieldType#FILE} field. The content is kept apart, encrypted;
 * {@link RegisterService#attachment} reads it.
 *
 * @param id          the stored file's {@link RecordId global id}; a replaced file keeps its id and content, so the
 *                    history can still name it
 * @param fileName    the name it was uploaded with, cleaned of directories and control characters
 * @param contentType the type its extension and first bytes agreed on
 * @param size        its length in bytes
 */
public record Attachment(long id, String fileName, String contentType, long size) {

    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
    }

    /** An attachment with its content in clear, as {@link RegisterService#attachment} hands it out. */
    public record Content(Attachment attachment, byte[] bytes) {

        public Content {
            Objects.requireNonNull(attachment, "attachment");
            Objects.requireNonNull(bytes, "bytes");
        }
    }
}
