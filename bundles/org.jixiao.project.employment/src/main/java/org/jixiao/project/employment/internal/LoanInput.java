package org.jixiao.project.employment.internal;

import static org.jixiao.project.employment.internal.YouthInput.text;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jixiao.api.web.WebRequest;

/** Raw submitted text of a micro-loan, a monthly report and a quarterly check. The loan amount is in 万元. */
final class LoanInput {

    private LoanInput() {
    }

    record Loan(String county, String borrower, String bank, String amountWanyuan, String grantedOn,
            String termMonths, String status, String enteredOn) {

        static Loan fromForm(WebRequest r) {
            return new Loan(r.param("county"), r.param("borrower"), r.param("bank"), r.param("amountWanyuan"),
                    r.param("grantedOn"), r.param("termMonths"), r.param("status"), r.param("enteredOn"));
        }

        static Loan fromJson(Map<?, ?> b) {
            return new Loan(text(b.get("county")), text(b.get("borrower")), text(b.get("bank")),
                    text(b.get("amountWanyuan")), text(b.get("grantedOn")), text(b.get("termMonths")),
                    text(b.get("status")), text(b.get("enteredOn")));
        }

        Map<String, Object> toForm() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("county", county);
            m.put("borrower", borrower);
            m.put("bank", bank);
            m.put("amountWanyuan", amountWanyuan);
            m.put("grantedOn", grantedOn);
            m.put("termMonths", termMonths);
            m.put("status", status);
            m.put("enteredOn", enteredOn);
            return m;
        }
    }

    /** {@code month} as yyyy-MM. */
    record Report(String county, String month, String note) {

        static Report fromForm(WebRequest r) {
            return new Report(r.param("county"), r.param("month"), r.param("note"));
        }

        static Report fromJson(Map<?, ?> b) {
            return new Report(text(b.get("county")), text(b.get("month")), text(b.get("note")));
        }
    }

    record Check(String county, String year, String quarter, String checkedOn, String checker, String loansChecked,
            String problems, String findings, String rectification) {

        static Check fromForm(WebRequest r) {
            return new Check(r.param("county"), r.param("year"), r.param("quarter"), r.param("checkedOn"),
                    r.param("checker"), r.param("loansChecked"), r.param("problems"), r.param("findings"),
                    r.param("rectification"));
        }

        static Check fromJson(Map<?, ?> b) {
            return new Check(text(b.get("county")), text(b.get("year")), text(b.get("quarter")),
                    text(b.get("checkedOn")), text(b.get("checker")), text(b.get("loansChecked")),
                    text(b.get("problems")), text(b.get("findings")), text(b.get("rectification")));
        }

        Map<String, Object> toForm() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("county", county);
            m.put("year", year);
            m.put("quarter", quarter);
            m.put("checkedOn", checkedOn);
            m.put("checker", checker);
            m.put("loansChecked", loansChecked);
            m.put("problems", problems);
            m.put("findings", findings);
            m.put("rectification", rectification);
            return m;
        }
    }
}
