package org.jixiao.project.employment.internal;

/**
 * What a list is narrowed to. Unknown or malformed filter values arrive here as null (no filter) rather than
 * as errors: a list page with a stale bookmark still shows something.
 *
 * @param query a part of the name, or a whole resident ID number
 */
record YouthFilter(String query, YouthType type, Long countyId, Education education) {

    static final YouthFilter NONE = new YouthFilter(null, null, null, null);
}
