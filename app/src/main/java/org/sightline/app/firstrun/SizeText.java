package org.sightline.app.firstrun;

import java.text.NumberFormat;
import org.sightline.i18n.Messages;

/** Sizes as people say them: "850 KB", "16 MB", "1.2 GB" (decimal units, as download pages give them). */
final class SizeText {

    private SizeText() {
    }

    static String format(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative size " + bytes);
        }
        NumberFormat number = NumberFormat.getNumberInstance(Messages.locale());
        // Each unit starts where the smaller one would round up to "1,000".
        if (bytes >= 999_500_000L) {
            number.setMaximumFractionDigits(1);
            return number.format(bytes / 1e9) + " GB";
        }
        number.setMaximumFractionDigits(0);
        if (bytes >= 999_500L) {
            return number.format(bytes / 1e6) + " MB";
        }
        if (bytes >= 1_000L) {
            return number.format(bytes / 1e3) + " KB";
        }
        return bytes + " B";
    }
}
