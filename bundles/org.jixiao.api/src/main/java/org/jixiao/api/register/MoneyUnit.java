package org.jixiao.api.register;

import java.math.BigDecimal;

/** The unit a money field is stored and shown in. Conversion between them is exact. */
public enum MoneyUnit {
    YUAN(BigDecimal.ONE),
    /** 万元, ten thousand yuan: what the policy's loan and credit figures are written in. */
    WAN_YUAN(BigDecimal.valueOf(10_000));

    private final BigDecimal yuan;

    MoneyUnit(BigDecimal yuan) {
        this.yuan = yuan;
    }

    /** How many yuan one of this unit is. */
    public BigDecimal yuan() {
        return yuan;
    }
}
