package org.jixiao.benchmarks;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Valid resident ID numbers (GB 11643: the check character computed over the first 17 digits). */
final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private IdNumbers() {
    }

    /** @param sequence 1–999, odd for a man */
    static String of(String region, LocalDate born, int sequence) {
        String body = region + born.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK.charAt(sum % 11);
    }
}
