package io.github.scpauditor.report;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts of e-mails and alerts in one language, from {@code messages/report_<locale>.properties}
 * (UTF-8, MessageFormat patterns). Only the supported locales load: no silent fallback to the JVM's.
 */
public final class ReportMessages {

    /** The language tags REPORT_LOCALE and the on-demand option accept. */
    public static final List<String> SUPPORTED = List.of("en", "zh-CN");

    private static final String BUNDLE = "messages.report";

    private final Locale locale;
    private final ResourceBundle bundle;

    private ReportMessages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** "en" or "zh-CN" (case-insensitive, "_" accepted); IllegalArgumentException names the supported ones otherwise. */
    public static ReportMessages forTag(String tag) {
        String normalised = tag == null ? "" : tag.trim().replace('_', '-');
        for (String supported : SUPPORTED) {
            if (supported.equalsIgnoreCase(normalised)) {
                return new ReportMessages(Locale.forLanguageTag(supported));
            }
        }
        throw new IllegalArgumentException("unsupported locale \"" + tag + "\"; supported: " + String.join(", ", SUPPORTED));
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    /** The localised text for {@code key}, or {@code fallback} when the bundle has none (an Organizations value we do not know). */
    public String getOrDefault(String key, String fallback) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    public String severity(Severity severity) {
        return get("severity." + severity.name());
    }

    public String category(Category category) {
        return get("category." + category.id());
    }

    public String join(List<String> items) {
        return String.join(get("list.separator"), items);
    }
}
