package org.sightline.app.browse;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.sightline.vision.elements.ElementType;
import org.sightline.vision.elements.LabelMatcher;

/**
 * What Sightline saw when it looked again after an action: the screen before the click (the pointer already on
 * the target) is compared with the screen after it. Typing is checked by reading the field; a check box or radio
 * button by the ink inside it; any other click by what changed and the text of the changed part. The sentence
 * says what was seen, never just "Done".
 */
final class ActionCheck {

    /** Per pixel, a change smaller than this (sum over the three channels) is noise: anti-aliasing, dithering. */
    private static final int PIXEL_CHANGE = 60;
    /** Fewer changed pixels than this, or a change one or two pixels wide (a blinking caret), is no change. */
    private static final int MIN_CHANGED_PIXELS = 12;
    /** At most this many words of a changed part are read out. */
    private static final int MAX_WORDS = 20;
    private static final int MAX_CHARS = 120;
    /** Of a large change only the top band is read: how a new page or dialog begins. */
    private static final int READ_BAND = 240;

    /** What was seen, and whether it is what the action was meant to do. */
    record Verdict(boolean seen, String sentence) {
    }

    private ActionCheck() {
    }

    static Verdict afterTyping(ProposedAction action, BufferedImage after, ScreenLook look) {
        Rectangle field = grow(action.target().box(), 4, look.bounds(after));
        String shown = withoutCaret(look.read(crop(after, field)).replace('\n', ' ').strip(), action.text());
        String target = ElementWords.target(action.target());
        if (squeeze(shown).equals(squeeze(action.text()))) {
            // The recogniser's own slips ("hellO") are not read back to the user as if the field had them.
            return new Verdict(true, ElementWords.MESSAGES.get("check.typed", action.text(), target));
        }
        if (shows(shown, action.text())) {
            return new Verdict(true, ElementWords.MESSAGES.get("check.typedShows", action.text(), target,
                    shorten(shown)));
        }
        return new Verdict(false, shown.isEmpty()
                ? ElementWords.MESSAGES.get("check.typedNotShownEmpty", action.text(), target)
                : ElementWords.MESSAGES.get("check.typedNotShown", action.text(), target, shorten(shown)));
    }

    /** @param area where to look for what changed (the acted-on window), or null for the whole screen */
    static Verdict afterClick(ProposedAction action, BufferedImage before, BufferedImage after, Rectangle area,
                              ScreenLook look) {
        String target = ElementWords.target(action.target());
        ElementType type = action.target().type();
        Rectangle screen = area == null ? look.bounds(after) : area.intersection(look.bounds(after));
        if (type == ElementType.CHECKBOX || type == ElementType.RADIO) {
            Rectangle box = grow(action.target().box(), 2, screen);
            Change inBox = change(before, after, box);
            if (inBox.changed()) {
                boolean more = ink(after, box) > ink(before, box);
                String key = type == ElementType.CHECKBOX
                        ? more ? "check.nowChecked" : "check.nowUnchecked"
                        : more ? "check.nowSelected" : "check.changed";
                return new Verdict(true, ElementWords.MESSAGES.get(key, target));
            }
        }
        Change all = change(before, after, screen);
        if (!all.changed()) {
            return new Verdict(false, ElementWords.MESSAGES.get("check.nothingChanged", target));
        }
        Rectangle changed = grow(all.bounds(), 8, screen);
        changed.height = Math.min(changed.height, READ_BAND);
        String text = shorten(look.read(crop(after, changed)).replace('\n', ' ').strip());
        boolean most = (long) all.bounds().width * all.bounds().height >= 0.4 * screen.width * screen.height;
        if (text.isEmpty()) {
            return new Verdict(true, ElementWords.MESSAGES.get("check.changedNoText", target));
        }
        return new Verdict(true, ElementWords.MESSAGES.get(most ? "check.screenChanged" : "check.partChanged",
                target, text));
    }

    /** Marks a recogniser reads for the thin text caret standing in the field. */
    private static final String CARET_LOOKALIKES = "lI|1!";

    /**
     * The text read from a field, without the text caret: it stands right after what was just typed, and a
     * recogniser may read it as one more letter ("hellol" for "hello"), which then was said to be in the field.
     */
    static String withoutCaret(String shown, String typed) {
        String typedText = typed.strip();
        boolean oneMore = shown.length() == typedText.length() + 1 && shown.startsWith(typedText);
        return oneMore && CARET_LOOKALIKES.indexOf(shown.charAt(shown.length() - 1)) >= 0
                ? shown.substring(0, shown.length() - 1) : shown;
    }

    /** Whether the text read from a field shows what was typed, allowing a recogniser's slips. */
    static boolean shows(String shown, String typed) {
        String s = squeeze(shown);
        String t = squeeze(typed);
        return !t.isEmpty() && (s.contains(t) || LabelMatcher.score(typed, shown) >= 0.8);
    }

    private static String squeeze(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    /** The changed pixels between two grabs of the same screen, within {@code area}. */
    record Change(int pixels, Rectangle bounds) {
        boolean changed() {
            return pixels >= MIN_CHANGED_PIXELS && bounds.width > 2 && bounds.height > 2;
        }
    }

    static Change change(BufferedImage before, BufferedImage after, Rectangle area) {
        Rectangle a = area.intersection(new Rectangle(0, 0, Math.min(before.getWidth(), after.getWidth()),
                Math.min(before.getHeight(), after.getHeight())));
        if (before.getWidth() != after.getWidth() || before.getHeight() != after.getHeight()) {
            // The screen itself changed size: everything changed.
            return new Change(a.width * a.height, a);
        }
        int count = 0;
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        int[] rowBefore = new int[Math.max(0, a.width)];
        int[] rowAfter = new int[rowBefore.length];
        for (int y = a.y; y < a.y + a.height; y++) {
            before.getRGB(a.x, y, a.width, 1, rowBefore, 0, a.width);
            after.getRGB(a.x, y, a.width, 1, rowAfter, 0, a.width);
            for (int i = 0; i < a.width; i++) {
                int p = rowBefore[i];
                int q = rowAfter[i];
                if (p == q) {
                    continue;
                }
                int d = Math.abs((p >> 16 & 0xff) - (q >> 16 & 0xff)) + Math.abs((p >> 8 & 0xff) - (q >> 8 & 0xff))
                        + Math.abs((p & 0xff) - (q & 0xff));
                if (d >= PIXEL_CHANGE) {
                    count++;
                    int x = a.x + i;
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return count == 0 ? new Change(0, new Rectangle())
                : new Change(count, new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1));
    }

    /** How far the pixels in {@code area} are from the area's lightest, summed: more marks, more ink. */
    static long ink(BufferedImage image, Rectangle area) {
        int lightest = 0;
        int[] values = new int[area.width * area.height];
        int n = 0;
        for (int y = area.y; y < area.y + area.height; y++) {
            for (int x = area.x; x < area.x + area.width; x++) {
                int p = image.getRGB(x, y);
                int v = (p >> 16 & 0xff) + (p >> 8 & 0xff) + (p & 0xff);
                values[n++] = v;
                lightest = Math.max(lightest, v);
            }
        }
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += lightest - values[i];
        }
        return sum;
    }

    static Rectangle grow(Rectangle r, int by, Rectangle within) {
        Rectangle g = new Rectangle(r.x - by, r.y - by, r.width + 2 * by, r.height + 2 * by);
        return g.intersection(within);
    }

    static BufferedImage crop(BufferedImage image, Rectangle area) {
        if (area.isEmpty()) {
            return new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        }
        BufferedImage out = new BufferedImage(Math.max(1, area.width), Math.max(1, area.height),
                BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.drawImage(image.getSubimage(area.x, area.y, area.width, area.height), 0, 0, null);
        g.dispose();
        return out;
    }

    /** The first {@value #MAX_WORDS} words (or {@value #MAX_CHARS} characters of unspaced text), then "…". */
    static String shorten(String text) {
        String[] words = text.strip().split("\\s+");
        String cut = words.length <= MAX_WORDS ? text.strip()
                : Arrays.stream(words).limit(MAX_WORDS).collect(Collectors.joining(" ")) + " …";
        return cut.length() <= MAX_CHARS ? cut : cut.substring(0, MAX_CHARS).strip() + " …";
    }
}
