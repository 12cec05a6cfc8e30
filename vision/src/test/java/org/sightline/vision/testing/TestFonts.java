package org.sightline.vision.testing;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts tests draw text with: named font files (kept under {@code src/test/resources/fonts}, or installed by
 * {@code .ci/install}), never Java's logical fonts, which map to whatever fontconfig picks on the machine. The same
 * file gives the same pixels everywhere, so thresholds checked on drawn text hold on every machine.
 */
public final class TestFonts {

    /** Noto Sans CJK, installed by {@code .ci/install} (package fonts-noto-cjk); too large to keep in the tests. */
    static final Path NOTO_CJK = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");

    private static final Map<String, String> FILES = Map.of(
            "DejaVu Sans/0", "DejaVuSans.ttf",
            "DejaVu Sans/1", "DejaVuSans-Bold.ttf",
            "DejaVu Sans Mono/0", "DejaVuSansMono.ttf",
            "DejaVu Serif/0", "DejaVuSerif.ttf",
            "Liberation Sans/0", "LiberationSans-Regular.ttf",
            "Liberation Sans/1", "LiberationSans-Bold.ttf",
            "Liberation Serif/0", "LiberationSerif-Regular.ttf",
            "Liberation Mono/0", "LiberationMono-Regular.ttf");

    private static final Map<String, Font> LOADED = new ConcurrentHashMap<>();

    private TestFonts() {
    }

    /** DejaVu Sans, plain or bold ({@link Font#PLAIN}, {@link Font#BOLD}). */
    public static Font sans(int style, float size) {
        return font("DejaVu Sans", style, size);
    }

    /** DejaVu Sans Mono. */
    public static Font mono(float size) {
        return font("DejaVu Sans Mono", Font.PLAIN, size);
    }

    /** DejaVu Serif. */
    public static Font serif(float size) {
        return font("DejaVu Serif", Font.PLAIN, size);
    }

    /**
     * One of the kept faces by family name: DejaVu Sans (plain, bold), DejaVu Sans Mono, DejaVu Serif, Liberation
     * Sans (plain, bold), Liberation Serif, Liberation Mono, or Noto Sans CJK SC. A face that is not kept is an
     * error, not a synthetic bold or a fallback, so that no test depends on the machine's fonts by accident.
     */
    public static Font font(String family, int style, float size) {
        String key = family + "/" + style;
        Font base = LOADED.computeIfAbsent(key, TestFonts::load);
        return base.deriveFont(size);
    }

    /**
     * {@code font} itself when it was made here from a kept file (by {@link #sans}, {@link #mono}, {@link #serif} or
     * {@link #font}): for helpers that draw with a font their caller chose.
     *
     * @throws IllegalArgumentException for a logical font or any other face the machine happens to have
     */
    public static Font requireKept(Font font) {
        boolean kept = LOADED.values().stream().anyMatch(base -> base.getFontName().equals(font.getFontName()));
        if (!kept) {
            throw new IllegalArgumentException(font.getFontName() + " is not a kept font; draw with TestFonts");
        }
        return font;
    }

    private static Font load(String key) {
        if (key.equals("Noto Sans CJK SC/" + Font.PLAIN)) {
            return notoSansCjkSc();
        }
        String file = FILES.get(key);
        if (file == null) {
            throw new IllegalArgumentException("No kept font file for " + key.replace("/", ", style ")
                    + "; kept: " + FILES.keySet() + " and Noto Sans CJK SC/0");
        }
        try (InputStream in = TestFonts.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Test resource /fonts/" + file + " is missing");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("/fonts/" + file + " is not a TrueType font", e);
        }
    }

    private static Font notoSansCjkSc() {
        if (!Files.isRegularFile(NOTO_CJK)) {
            throw new IllegalStateException(NOTO_CJK + " is missing: run .ci/install (package fonts-noto-cjk)");
        }
        try {
            for (Font f : Font.createFonts(NOTO_CJK.toFile())) {
                if (f.getFamily(java.util.Locale.ROOT).equals("Noto Sans CJK SC")) {
                    return f;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(NOTO_CJK + " is not a font collection", e);
        }
        throw new IllegalStateException(NOTO_CJK + " holds no Noto Sans CJK SC face");
    }
}
