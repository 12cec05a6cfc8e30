package org.sightline.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * One resource bundle of user-visible strings (English and Simplified Chinese). The locale follows the
 * system unless the user picked one; {@link #setLocale} changes it for the whole application.
 */
public final class Messages {

    private static volatile Locale locale = Locale.getDefault();

    private final String bundleName;

    public Messages(String bundleName) {
        this.bundleName = bundleName;
    }

    public static void setLocale(Locale newLocale) {
        locale = java.util.Objects.requireNonNull(newLocale, "locale");
    }

    public static Locale locale() {
        return locale;
    }

    /** The message for {@code key} with {@code args} filled in; the key itself if it is missing. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(bundleName, locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
