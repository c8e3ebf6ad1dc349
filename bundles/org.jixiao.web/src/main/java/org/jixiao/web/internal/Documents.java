package org.jixiao.web.internal;

import java.time.LocalDate;
import java.util.Map;

/**
 * What every printed document carries above its text and at its end: the red header with the committee's name, the
 * document number (the prefix, the year and the number the office gives it from its register of outgoing documents,
 * or a blank to write it in by hand), and the date. The page numbers come from the print stylesheet.
 */
final class Documents {

    /** Numbers an office gives its documents: up to six digits. */
    private static final String NUMBER = "\\d{1,6}";

    private Documents() {
    }

    /**
     * Puts the header into {@code model}; a {@code number} that is not a number is left blank and reported beside
     * the number's field.
     *
     * @return whether the number given (if any) was taken
     */
    static boolean header(Map<String, Object> model, DocumentHeader header, Messages messages, int year,
            String number, LocalDate today) {
        String given = number == null ? "" : number.strip();
        boolean valid = given.isEmpty() || given.matches(NUMBER);
        model.put("documentPage", true);
        model.put("scripts", java.util.List.of("/static/print.js"));
        model.put("committee", header.committee());
        model.put("docPrefix", header.numberPrefix(messages));
        model.put("docYear", String.valueOf(year));
        model.put("docNumber", valid ? given : "");
        model.put("docDate", messages.get("document.date", String.valueOf(today.getYear()),
                String.valueOf(today.getMonthValue()), String.valueOf(today.getDayOfMonth())));
        if (!valid) {
            @SuppressWarnings("unchecked")
            Map<String, String> errors = (Map<String, String>) model.get("errors");
            errors.put("number", "document.number.invalid");
        }
        return valid;
    }
}
