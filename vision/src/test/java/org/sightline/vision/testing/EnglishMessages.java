package org.sightline.vision.testing;

import java.util.Locale;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.sightline.i18n.Messages;

/**
 * Sightline's messages in English for each test, and the locale before it put back after: tests compare what a
 * user reads. Use with {@code @ExtendWith(EnglishMessages.class)}.
 */
public final class EnglishMessages implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace SAVED = ExtensionContext.Namespace.create(EnglishMessages.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(SAVED).put("locale", Messages.locale());
        Messages.setLocale(Locale.ENGLISH);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Messages.setLocale(context.getStore(SAVED).get("locale", Locale.class));
    }
}
