package org.jixiao.itests.support;

/** Valid resident ID numbers for test people (GB 11643 check character computed here). */
public final class Ids {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private Ids() {
    }

    /** @param birth yyyyMMdd; @param sequence three digits, odd for a man, even in the last digit for a woman */
    public static String of(String region, String birth, String sequence) {
        String body = region + birth + sequence;
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK.charAt(sum % 11);
    }

    /** The same number with a wrong check character. */
    public static String broken(String valid) {
        char last = valid.charAt(17);
        return valid.substring(0, 17) + (last == '0' ? '1' : '0');
    }
}
