package org.sightline.vision.summary;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sightline.i18n.Messages;
import org.sightline.vision.image.ImageStats;

/**
 * The colours that cover most of an image and how light it is overall, in plain words: "Mostly white with dark
 * blue; light overall." Pixels are sampled on a grid, so a 4K capture costs no more than a small one.
 *
 * @param shares each colour's share of the image (0-1), largest first, colours under {@link #MINOR} left out
 * @param brightness how light the image is overall
 */
public record DominantColours(List<Share> shares, Brightness brightness) {

    /** A colour named in the summary covers at least this share of the image (smaller ones are details). */
    static final double MINOR = 0.06;
    /** At or above this share the top colour is "mostly" the image's colour. */
    static final double MOSTLY = 0.5;

    private static final int MAX_SAMPLES_PER_SIDE = 256;
    private static final Messages MESSAGES = new Messages("org.sightline.vision.summary.messages");

    public DominantColours {
        shares = List.copyOf(shares);
    }

    /** One named colour and the share of the image it covers. */
    public record Share(ColourName colour, double share) {
    }

    /** How light an image is overall, from its mean luminance. */
    public enum Brightness {
        LIGHT, MEDIUM, DARK;

        /** Mean luminance (0-255) at or above which an image reads as light; dark screens sit far below it. */
        static final double LIGHT_FROM = 150;
        /** Mean luminance below which an image reads as dark (dark themes, night photos). */
        static final double DARK_BELOW = 90;

        static Brightness of(ImageStats stats) {
            double mean = stats.meanLuminance();
            return mean >= LIGHT_FROM ? LIGHT : mean < DARK_BELOW ? DARK : MEDIUM;
        }
    }

    /** Measures {@code image}. */
    public static DominantColours of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        Map<ColourName, Integer> counts = new EnumMap<>(ColourName.class);
        int stepX = Math.max(1, w / MAX_SAMPLES_PER_SIDE);
        int stepY = Math.max(1, h / MAX_SAMPLES_PER_SIDE);
        long n = 0;
        for (int y = stepY / 2; y < h; y += stepY) {
            for (int x = stepX / 2; x < w; x += stepX) {
                counts.merge(ColourName.of(image.getRGB(x, y)), 1, Integer::sum);
                n++;
            }
        }
        List<Share> shares = new ArrayList<>();
        for (Map.Entry<ColourName, Integer> e : counts.entrySet()) {
            double share = (double) e.getValue() / n;
            if (share >= MINOR) {
                shares.add(new Share(e.getKey(), share));
            }
        }
        shares.sort(Comparator.comparingDouble(Share::share).reversed());
        return new DominantColours(shares, Brightness.of(ImageStats.of(image)));
    }

    /** The top colour, or null when no colour covers even a small share (confetti). */
    public ColourName main() {
        return shares.isEmpty() ? null : shares.get(0).colour();
    }

    /**
     * The colours in words: "Mostly white with dark blue and grey" when one colour covers half the image or
     * more, otherwise "A mix of white, blue and grey"; then the brightness: "; light overall".
     */
    public String text() {
        String light = MESSAGES.get("brightness." + brightness.name().toLowerCase(java.util.Locale.ROOT));
        if (shares.isEmpty()) {
            return MESSAGES.get("colours.many", light);
        }
        List<String> words = shares.stream().map(s -> MESSAGES.get(s.colour().key())).toList();
        String colours;
        if (shares.get(0).share() >= MOSTLY) {
            List<String> rest = words.subList(1, Math.min(words.size(), 3));
            colours = rest.isEmpty() ? MESSAGES.get("colours.mostly", words.get(0))
                    : MESSAGES.get("colours.mostlyWith", words.get(0), Lists.and(rest));
        } else if (words.size() == 1) {
            colours = MESSAGES.get("colours.partly", words.get(0));
        } else {
            colours = MESSAGES.get("colours.mix", Lists.and(words.subList(0, Math.min(words.size(), 3))));
        }
        return MESSAGES.get("colours.withBrightness", colours, light);
    }
}
