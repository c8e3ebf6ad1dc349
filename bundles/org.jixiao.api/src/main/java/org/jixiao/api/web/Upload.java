package org.jixiao.api.web;

import java.util.Objects;

/**
 * A file sent with a form ({@code multipart/form-data}) or as the body of an API call, already limited in size by the
 * web layer. Its name and type are what the client claims: check the content before trusting either.
 */
public record Upload(String fileName, String contentType, byte[] bytes) {

    /** The largest upload the web layer accepts, as for evidence files. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    public Upload {
        fileName = fileName == null ? "" : fileName;
        contentType = contentType == null ? "application/octet-stream" : contentType;
        Objects.requireNonNull(bytes, "bytes");
    }

    public long size() {
        return bytes.length;
    }
}
