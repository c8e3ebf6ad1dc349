package org.jixiao.api.project;

import java.math.BigDecimal;

/** How an actual value is held against its target: 不少於 is {@link #AT_LEAST}, 超過 is {@link #MORE_THAN}. */
public enum Comparison {
    AT_LEAST("≥"),
    MORE_THAN(">");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean met(BigDecimal actual, BigDecimal target) {
        int c = actual.compareTo(target);
        return this == AT_LEAST ? c >= 0 : c > 0;
    }
}
