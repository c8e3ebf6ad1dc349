package org.jixiao.api.performance;

/**
 * What the definition form of a manual indicator carries.
 *
 * @param nameEn optional, shown to English readers
 * @param unitZh the unit of measure, e.g. 人, 次, 万元
 * @param clause the policy clause or document it comes from; optional for a local indicator
 * @param rule the default target of a city indicator, the own target of a local one
 */
public record ManualIndicatorDraft(String nameZh, String nameEn, String unitZh, String unitEn, String clause,
        TargetRule rule) {
}
