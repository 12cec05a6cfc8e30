package org.sightline.app.browse;

import java.util.Objects;
import org.sightline.vision.elements.Element;

/**
 * An action the user asked for and has not yet confirmed: click an element, or click a field and type
 * {@code text} into it. Creating one does nothing; only {@link ScreenActions#perform} acts, after the
 * confirmation key.
 */
public record ProposedAction(Kind kind, Element target, String text) {

    public enum Kind { CLICK, TYPE }

    public ProposedAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        text = text == null ? "" : text;
        if (kind == Kind.TYPE && text.isEmpty()) {
            throw new IllegalArgumentException("nothing to type");
        }
    }

    public static ProposedAction click(Element target) {
        return new ProposedAction(Kind.CLICK, target, "");
    }

    public static ProposedAction type(Element target, String text) {
        return new ProposedAction(Kind.TYPE, target, text);
    }

    /** The question asked before acting: "Press Enter to click Sign in button, or Escape to cancel." */
    public String confirmationPrompt() {
        return kind == Kind.CLICK
                ? ElementWords.MESSAGES.get("browse.confirmClick", ElementWords.target(target))
                : ElementWords.MESSAGES.get("browse.confirmType", text, ElementWords.target(target));
    }

    /** What is said just before the action happens. */
    public String announcement() {
        return kind == Kind.CLICK
                ? ElementWords.MESSAGES.get("action.clicking", ElementWords.target(target))
                : ElementWords.MESSAGES.get("action.typing", text, ElementWords.target(target));
    }
}
