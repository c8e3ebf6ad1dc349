package org.jixiao.assessment.standard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.jixiao.api.assessment.AssessmentModule;
import org.jixiao.api.assessment.EvaluationInput;
import org.jixiao.api.assessment.UnitInput;
import org.junit.jupiter.api.Test;

/** What the platform sees of the module before it scores anything: id, version, names, texts. */
class ModuleIdentityTest {

    private final AssessmentModule module = new StandardAssessment();

    @Test
    void idAndVersion() {
        assertEquals("standard", module.id());
        assertEquals("1.0", module.version());
    }

    @Test
    void nameAndMethodInChineseByDefaultAndInEnglish() {
        assertEquals("标准综合评价", module.name(Locale.SIMPLIFIED_CHINESE));
        assertEquals("标准综合评价", module.name(Locale.forLanguageTag("zh-CN")));
        assertEquals("Standard comprehensive evaluation", module.name(Locale.ENGLISH));
        assertEquals("Standard comprehensive evaluation", module.name(Locale.UK));
        assertTrue(module.method(Locale.SIMPLIFIED_CHINESE).startsWith("指标完成情况 50%、时间节点按时率 10%"));
        assertTrue(module.method(Locale.ENGLISH).startsWith("Indicator completion 50%, time nodes on time 10%"));
    }

    /** Issue 11, item 9: the method text was fixed, so a run of another version showed this one's weights. */
    @Test
    void theMethodIsWrittenFromTheWeightsAndCapTheScorerUses() {
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            String method = module.method(locale);
            int at = 0;
            for (Part p : Part.values()) {
                at = method.indexOf(" " + p.weight().toPlainString() + "%", at);
                assertTrue(at >= 0, p + " in " + locale + ": " + method);
            }
            assertTrue(method.contains(" " + Scorer.BONUS_CAP.toPlainString() + " ") || method.contains(
                    " " + Scorer.BONUS_CAP.toPlainString() + "."), method);
            assertFalse(method.contains("{"), "every placeholder filled: " + method);
        }
    }

    @Test
    void aLanguageWithoutItsOwnFileGetsChineseWhateverTheJvmDefault() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertEquals("标准综合评价", module.name(Locale.GERMAN));
            // the explanations must not follow the JVM's default either
            UnitInput unit = new UnitInput(1, "u", List.of(), 0, 0, true, null, null, null, null);
            String bonus = module.evaluate(new EvaluationInput(2013, List.of(unit))).scores().get(0).parts().get(6)
                    .explanation();
            assertEquals("无加分", bonus);
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void bothLanguagesHoldTheSameKeysAndNoApostrophes() throws IOException {
        Properties zh = load("/i18n/messages.properties");
        Properties en = load("/i18n/messages_en.properties");
        assertEquals(zh.stringPropertyNames(), en.stringPropertyNames());
        for (Properties p : new Properties[] {zh, en}) {
            // MessageFormat would swallow an apostrophe and the text after it
            p.forEach((k, v) -> assertFalse(v.toString().contains("'"), k + " contains an apostrophe"));
        }
    }

    @Test
    void everyPartAndEveryExplanationHasEnglishText() {
        Messages en = Messages.of(Locale.ENGLISH);
        for (Part part : Part.values()) {
            assertNotNull(en.get("part." + part.key()));
        }
        assertEquals("average completion of 5 indicators 87.50% (1 more cannot be judged and are not counted); "
                + "weight 50%, adjusted in proportion to 66.67% for missing parts",
                en.format("explain.join",
                        en.format("explain.note", en.format("explain.indicators", "5", "87.50"),
                                en.format("explain.indicators.unjudged", "1")),
                        en.format("explain.weight.adjusted", "50", "66.67")));
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = ModuleIdentityTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            Properties p = new Properties();
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            return p;
        }
    }
}
