package org.sightline.vision.describe;

import java.awt.Rectangle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Requests for a closer look at the image just described ("look closer", "more detail", "仔细看"), in the app's
 * chat and on the command line alike. Such a request asks the same question again with a full look: at the whole
 * image, or at the part the user names ("look closer at the top right", "仔细看左下角").
 */
public final class CloserLook {

    private static final List<String> PHRASES = List.of("look closer", "closer look", "look more closely",
            "more detail", "in detail", "zoom in", "仔细看", "看仔细", "更多细节", "看清楚");

    private CloserLook() {
    }

    /** Whether {@code question} asks for a closer look rather than about something new. */
    public static boolean isRequest(String question) {
        if (question == null) {
            return false;
        }
        String q = question.strip().toLowerCase(Locale.ROOT);
        return q.length() <= 40 && PHRASES.stream().anyMatch(q::contains);
    }

    /** The part of the image a request for a closer look names, if it names one. */
    public static Optional<Part> part(String question) {
        if (!isRequest(question)) {
            return Optional.empty();
        }
        String q = question.strip().toLowerCase(Locale.ROOT).replace("upper", "top").replace("lower", "bottom")
                .replace("center", "centre");
        for (Part part : Part.values()) {
            if (part.words.stream().anyMatch(q::contains)) {
                return Optional.of(part);
            }
        }
        return Optional.empty();
    }

    /**
     * A part of an image a person names by where it is. Corners are a quarter of the image and halves a half,
     * each reaching a tenth past the middle, so that something on the dividing line is whole in either part.
     */
    public enum Part {
        // Corners before sides: "top left" names a corner, not the top half.
        TOP_LEFT("topLeft", 0, 0, 0.6, 0.6, "top left", "top-left", "左上"),
        TOP_RIGHT("topRight", 0.4, 0, 1, 0.6, "top right", "top-right", "右上"),
        BOTTOM_LEFT("bottomLeft", 0, 0.4, 0.6, 1, "bottom left", "bottom-left", "左下"),
        BOTTOM_RIGHT("bottomRight", 0.4, 0.4, 1, 1, "bottom right", "bottom-right", "右下"),
        TOP("top", 0, 0, 1, 0.6, "top", "上面", "上方", "上半", "顶部"),
        BOTTOM("bottom", 0, 0.4, 1, 1, "bottom", "下面", "下方", "下半", "底部"),
        LEFT("left", 0, 0, 0.6, 1, "left", "左边", "左侧", "左半"),
        RIGHT("right", 0.4, 0, 1, 1, "right", "右边", "右侧", "右半"),
        MIDDLE("middle", 0.2, 0.2, 0.8, 0.8, "middle", "centre", "中间", "中央", "中心");

        private final String key;
        private final double left;
        private final double top;
        private final double right;
        private final double bottom;
        private final List<String> words;

        Part(String key, double left, double top, double right, double bottom, String... words) {
            this.key = key;
            this.left = left;
            this.top = top;
            this.right = right;
            this.bottom = bottom;
            this.words = List.of(words);
        }

        /** The key of this part's name in the description messages ({@code part.topLeft}). */
        public String messageKey() {
            return "part." + key;
        }

        /** This part of an image {@code width} by {@code height} pixels. */
        public Rectangle of(int width, int height) {
            int x = (int) Math.floor(left * width);
            int y = (int) Math.floor(top * height);
            return new Rectangle(x, y, (int) Math.ceil(right * width) - x, (int) Math.ceil(bottom * height) - y);
        }
    }
}
