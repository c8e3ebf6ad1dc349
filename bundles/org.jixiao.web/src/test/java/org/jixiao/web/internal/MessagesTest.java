package org.jixiao.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

class MessagesTest {

    /** Stands in for a key project's bundle. */
    private static ResourceBundle plugin(Object[][] contents) {
        return new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return contents;
            }
        };
    }

    private static final ResourceBundle PLUGIN = plugin(new Object[][] {
        {"app.name", "Plugin overrides"},
        {"plugin.only", "Only in the plugin"},
        {"plugin.count", "{0} of {1}"},
    });

    @Test
    void chineseIsTheDefaultBundle() {
        assertEquals("共青团重点工作绩效管理", new Messages(Messages.ZH_CN).get("app.name"));
        assertEquals("League Key Work Performance", new Messages(Locale.ENGLISH).get("app.name"));
    }

    @Test
    void anUnsupportedLanguageFallsBackToChineseNotToTheJvmLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertEquals("共青团重点工作绩效管理", new Messages(Locale.FRENCH).get("app.name"));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void pluginBundleComesFirstThenTheWebBundle() {
        Messages m = new Messages(Messages.ZH_CN, PLUGIN);
        assertEquals("Plugin overrides", m.get("app.name"));
        assertEquals("Only in the plugin", m.get("plugin.only"));
        assertEquals("登录", m.get("login.title"), "falls back to the web bundle");
    }

    @Test
    void severalPluginBundlesAreSearchedInOrderAndNullsSkipped() {
        ResourceBundle second = plugin(new Object[][] {{"plugin.only", "second"}, {"second.only", "2"}});
        Messages m = new Messages(Locale.ENGLISH, null, PLUGIN, null, second);
        assertEquals("Only in the plugin", m.get("plugin.only"));
        assertEquals("2", m.get("second.only"));
        assertEquals(Messages.own(Locale.ENGLISH).getString("login.title"), m.get("login.title"));
        assertSame(Locale.ENGLISH, m.locale());
    }

    @Test
    void argumentsAreFormatted() {
        assertEquals("第 2 / 5 页，共 93 条", new Messages(Messages.ZH_CN).get("pager.position", 2, 5, 93));
        assertEquals("Page 2 of 5, 93 in all", new Messages(Locale.ENGLISH).get("pager.position", 2, 5, 93));
        assertEquals("编辑用户：<b>", new Messages(Messages.ZH_CN).get("user.edit", "<b>"),
                "arguments go in verbatim; escaping is the template's job");
        assertEquals("3 of 4", new Messages(Locale.ENGLISH, PLUGIN).get("plugin.count", 3, 4));
    }

    @Test
    void aMessageWithoutArgumentsIsReturnedAsWritten() {
        Messages m = new Messages(Locale.ENGLISH, plugin(new Object[][] {{"quote", "It's {0}"}}));
        assertEquals("It's {0}", m.get("quote"));
    }

    /** A field error names only a key: a message that takes arguments then gives its brief form, never "{0}". */
    @Test
    void aMessageAskedForWithoutItsArgumentsIsItsBriefForm() {
        for (Locale locale : List.of(Messages.ZH_CN, Locale.ENGLISH)) {
            Messages m = new Messages(locale);
            assertEquals(m.get("lock.windowClosed.brief"), m.get("lock.windowClosed"));
            assertEquals(false, m.get("lock.windowClosed").contains("{"));
            assertEquals(true, m.get("lock.windowClosed", "2031-01-01", "2031-02-01").contains("2031-02-01"));
        }
        assertEquals("Today lies outside this step's window.", new Messages(Locale.ENGLISH).get("lock.windowClosed"));
    }

    /** "fewer than 1 responses" is not English: the count chooses the sentence. */
    @Test
    void countsChooseTheirWording() {
        Messages en = new Messages(Locale.ENGLISH);
        assertEquals(true, en.get("campaigns.scores.hint", 0).contains("No minimum"));
        assertEquals(true, en.get("campaigns.scores.hint", 1).contains("without a single response"));
        assertEquals(true, en.get("campaigns.scores.hint", 12).contains("fewer than 12 responses"));
        Messages zh = new Messages(Messages.ZH_CN);
        assertEquals(true, zh.get("campaigns.scores.hint", 5).contains("少于 5 份"));
        assertEquals(true, zh.get("campaigns.scores.hint", 1).contains("没有收回答卷"));
    }

    @Test
    void aMissingKeyComesBackAsTheKey() {
        assertEquals("no.such.key", new Messages(Messages.ZH_CN).get("no.such.key"));
        assertEquals("no.such.key", new Messages(Locale.ENGLISH, PLUGIN).get("no.such.key", 1, "two"));
    }
}
