package org.sightline.vision.summary;

import java.util.Locale;

/**
 * The small palette of plain colour words a summary uses. Each pixel is named by its perceived lightness and
 * greyness (CIELAB) and, when it has a colour at all, by its hue family (HSV hue, because CIELAB's hue angle
 * bends saturated blues towards purple, so that pure blue would be called purple).
 */
public enum ColourName {
    BLACK, DARK_GREY, GREY, LIGHT_GREY, WHITE,
    DARK_RED, RED, PINK,
    BROWN, ORANGE, BEIGE,
    OLIVE, YELLOW, PALE_YELLOW,
    DARK_GREEN, GREEN, LIGHT_GREEN,
    DARK_TEAL, TEAL, CYAN,
    DARK_BLUE, BLUE, LIGHT_BLUE,
    DARK_PURPLE, PURPLE, LIGHT_PURPLE;

    /** Below this CIELAB chroma a colour reads as grey (slate greys and off-whites included). */
    static final double GREY_CHROMA = 12;

    /** The bundle key of the word for this colour ({@code colour.darkBlue}). */
    String key() {
        StringBuilder b = new StringBuilder("colour.");
        boolean upper = false;
        for (char c : name().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }

    /** The name of the packed sRGB colour {@code rgb} (alpha ignored). */
    public static ColourName of(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        double[] lab = lab(r, g, b);
        double lightness = lab[0];
        double chroma = Math.hypot(lab[1], lab[2]);
        if (chroma < GREY_CHROMA || lightness < 8) {
            return grey(lightness);
        }
        double hue = hsvHue(r, g, b);
        if (hue >= 345 || hue < 15) {
            return lightness < 35 ? DARK_RED : lightness >= 68 ? PINK : RED;
        }
        if (hue < 45) {
            return lightness < 50 ? BROWN : lightness > 70 && chroma < 40 ? BEIGE : ORANGE;
        }
        if (hue < 70) {
            return lightness < 60 ? OLIVE : lightness > 85 && chroma < 35 ? PALE_YELLOW : YELLOW;
        }
        if (hue < 165) {
            return lightness < 40 ? DARK_GREEN : lightness > 82 && chroma < 80 ? LIGHT_GREEN : GREEN;
        }
        if (hue < 195) {
            return lightness < 40 ? DARK_TEAL : lightness < 70 ? TEAL : CYAN;
        }
        if (hue < 255) {
            boolean dark = lightness < 28 || (lightness < 40 && chroma < 50);
            return dark ? DARK_BLUE : lightness > 72 ? LIGHT_BLUE : BLUE;
        }
        if (hue < 295) {
            return lightness < 25 ? DARK_PURPLE : lightness > 72 ? LIGHT_PURPLE : PURPLE;
        }
        // Purple through magenta to crimson: purple when dark, pink when light and vivid.
        if (lightness < 25) {
            return DARK_PURPLE;
        }
        return lightness < 50 ? PURPLE : chroma < 45 ? LIGHT_PURPLE : PINK;
    }

    private static ColourName grey(double lightness) {
        if (lightness < 15) {
            return BLACK;
        }
        if (lightness < 40) {
            return DARK_GREY;
        }
        if (lightness < 65) {
            return GREY;
        }
        return lightness < 92 ? LIGHT_GREY : WHITE;
    }

    /** CIELAB (D65) of an sRGB colour: {L 0-100, a, b}. */
    static double[] lab(int r, int g, int b) {
        double rl = linear(r);
        double gl = linear(g);
        double bl = linear(b);
        double x = (0.4124 * rl + 0.3576 * gl + 0.1805 * bl) / 0.95047;
        double y = 0.2126 * rl + 0.7152 * gl + 0.0722 * bl;
        double z = (0.0193 * rl + 0.1192 * gl + 0.9505 * bl) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
    }

    private static double hsvHue(int r, int g, int b) {
        int max = Math.max(r, Math.max(g, b));
        int min = Math.min(r, Math.min(g, b));
        double d = max - min;
        if (d == 0) {
            return 0;
        }
        double h;
        if (max == r) {
            h = ((g - b) / d) % 6;
        } else if (max == g) {
            h = (b - r) / d + 2;
        } else {
            h = (r - g) / d + 4;
        }
        h *= 60;
        return h < 0 ? h + 360 : h;
    }
}
