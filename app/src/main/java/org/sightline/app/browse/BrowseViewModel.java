package org.sightline.app.browse;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.sightline.speech.Priority;
import org.sightline.speech.SpeechOutput;
import org.sightline.vision.elements.Element;
import org.sightline.vision.elements.ElementMap;
import org.sightline.vision.elements.ElementType;

/**
 * Browse mode over an element map, with the keys of a screen reader's browse mode: arrows move element by
 * element, H K B F G jump to the next heading, link, button, form field or graphic, D to the next region of the
 * page (navigation, main content ...), said with what it holds (with Shift, the previous), Home and End go to
 * the ends; each element is spoken with its label and type. Enter on a link,
 * button, checkbox or radio button proposes a click; on a field it offers typing (the typed text, then
 * Enter). A proposal acts only after one more Enter (the confirmation key); Escape cancels a proposal or a
 * running action, else leaves browse mode. No toolkit is needed: the window passes key names
 * ({@link Key#of}) to {@link #key} on key press and typed characters to {@link #typed}.
 *
 * <p>Browse mode opened only to confirm an action a chat request proposed ("click Sign in") ends with that
 * confirmation: any other key or typed character cancels it and goes where it would have gone (a question being
 * typed keeps its letters). After an action has been carried out, the page has changed under the element list,
 * so browse mode ends and says so ({@code afterAction} tells the owner).
 */
public final class BrowseViewModel {

    /** The keys browse mode handles. */
    public enum Key {
        UP, DOWN, LEFT, RIGHT, HOME, END, H, K, B, F, G, D, ENTER, ESCAPE, BACK_SPACE;

        /** The key for a key name such as JavaFX's {@code KeyCode.name()} ("DOWN", "H", "ENTER"). */
        public static Optional<Key> of(String name) {
            try {
                return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * What a key did. {@code LEFT_AND_PASSED}: browse mode ended and the key was not used, so it does its usual
     * work (a letter goes into the question field).
     */
    public enum Outcome { HANDLED, IGNORED, LEFT_BROWSE_MODE, LEFT_AND_PASSED }

    /** Where browse mode is. */
    public enum State { BROWSING, ENTERING_TEXT, CONFIRMING, ACTING }

    private final ElementMap map;
    private final SpeechOutput speech;
    private final ScreenActions actions;
    private int index = -1;
    private State state = State.BROWSING;
    private ProposedAction pending;
    private ScreenActions.Handle running;
    private final StringBuilder entered = new StringBuilder();
    private final boolean onlyToConfirm;
    private final java.util.function.Consumer<ScreenActions.Outcome> afterAction;
    private final java.awt.Rectangle area;

    /**
     * @param actions where confirmed actions go; null when the capture is not of the screen (nothing can
     *                be clicked then, and Enter says so)
     */
    public BrowseViewModel(ElementMap map, SpeechOutput speech, ScreenActions actions) {
        this(map, speech, actions, null, false, outcome -> { });
    }

    /**
     * @param area          where the mapped picture lies on the screen (what is looked at again after an action),
     *                      or null when unknown
     * @param onlyToConfirm true when browse mode opens only to confirm an action a chat request proposed
     * @param afterAction   told how each carried-out action ended, on the action's thread
     */
    public BrowseViewModel(ElementMap map, SpeechOutput speech, ScreenActions actions, java.awt.Rectangle area,
                           boolean onlyToConfirm, java.util.function.Consumer<ScreenActions.Outcome> afterAction) {
        this.map = map;
        this.area = area;
        this.speech = speech;
        this.actions = actions;
        this.onlyToConfirm = onlyToConfirm;
        this.afterAction = afterAction;
    }

    /** Whether this browse mode exists only to confirm a proposed action. */
    public boolean onlyToConfirm() {
        return onlyToConfirm;
    }

    /**
     * Where browse mode is, in one sentence for a user coming back to the window: the pending question, the
     * field being typed into, or the element it is on.
     */
    public String whereItIs() {
        refreshActing();
        return switch (state) {
            case CONFIRMING -> ElementWords.MESSAGES.get("browse.whereConfirming", pending.confirmationPrompt());
            case ENTERING_TEXT -> ElementWords.MESSAGES.get("browse.whereTyping",
                    ElementWords.target(current().orElseThrow()));
            case ACTING -> ElementWords.MESSAGES.get("browse.whereActing");
            case BROWSING -> current().map(e -> ElementWords.MESSAGES.get("browse.whereOn", map.size(),
                    ElementWords.spoken(e, map))).orElseGet(() -> ElementWords.MESSAGES.get("browse.whereEmpty"));
        };
    }

    /** Speaks the summary and the first element. */
    public void start() {
        start(null);
    }

    /**
     * Starts as {@link #start()} does, saying first what the elements were found in ("Looked at notice.png.") when
     * that is not the picture the user last heard about; null when nothing need be said.
     */
    public void start(String lookedAt) {
        if (map.isEmpty()) {
            say(withBefore(lookedAt, ElementWords.MESSAGES.get("browse.empty")));
            return;
        }
        index = 0;
        say(withBefore(lookedAt, ElementWords.MESSAGES.get("browse.start", map.size())));
        speech.speak(ElementWords.spoken(map.get(0), map), Priority.NEXT);
    }

    public State state() {
        return state;
    }

    /** The element browse mode is on, if any. */
    public Optional<Element> current() {
        return index >= 0 && index < map.size() ? Optional.of(map.get(index)) : Optional.empty();
    }

    /** The position of the element browse mode is on, from 0, or -1 when it is on none. */
    public int position() {
        return current().isPresent() ? index : -1;
    }

    public Optional<ProposedAction> pending() {
        return Optional.ofNullable(pending);
    }

    /** Handles a key press. Letters are ignored (left to {@link #typed}) while text is being entered. */
    public Outcome key(Key key, boolean shift) {
        refreshActing();
        switch (state) {
            case ACTING:
                if (key == Key.ESCAPE) {
                    running.cancel();
                    say(ElementWords.MESSAGES.get("browse.cancelled"));
                    state = State.BROWSING;
                    return Outcome.HANDLED;
                }
                return Outcome.IGNORED;
            case CONFIRMING:
                if (key == Key.ENTER) {
                    confirm();
                    return Outcome.HANDLED;
                }
                cancelPending();
                if (onlyToConfirm) {
                    return key == Key.ESCAPE ? Outcome.LEFT_BROWSE_MODE : Outcome.LEFT_AND_PASSED;
                }
                if (key == Key.ESCAPE) {
                    return Outcome.HANDLED;
                }
                break; // any other key drops the proposal and does its usual work
            case ENTERING_TEXT:
                return keyWhileEntering(key);
            default:
                break;
        }
        return switch (key) {
            case DOWN, RIGHT -> move(1, e -> true, null);
            case UP, LEFT -> move(-1, e -> true, null);
            case HOME -> jump(0);
            case END -> jump(map.size() - 1);
            case H -> move(shift ? -1 : 1, e -> e.is(ElementType.HEADING), ElementType.HEADING);
            case K -> move(shift ? -1 : 1, e -> e.is(ElementType.LINK), ElementType.LINK);
            case B -> move(shift ? -1 : 1, e -> e.type() == ElementType.BUTTON, ElementType.BUTTON);
            case F -> move(shift ? -1 : 1, e -> e.type().isFormField(), ElementType.FIELD);
            case G -> move(shift ? -1 : 1, e -> e.type() == ElementType.IMAGE, ElementType.IMAGE);
            case D -> moveRegion(shift ? -1 : 1);
            case ENTER -> activate();
            case ESCAPE -> {
                say(ElementWords.MESSAGES.get("browse.leave"));
                yield Outcome.LEFT_BROWSE_MODE;
            }
            case BACK_SPACE -> Outcome.IGNORED;
        };
    }

    /**
     * Takes typed characters while text for a field is being entered. While a proposal from a chat request waits,
     * a typed character cancels it and browse mode ends ({@code LEFT_AND_PASSED}: the character is the user's, for
     * the question field). Otherwise ignored: letters are browse keys.
     */
    public Outcome typed(String characters) {
        if (onlyToConfirm && state == State.CONFIRMING && !characters.isEmpty()
                && !Character.isISOControl(characters.charAt(0))) {
            cancelPending();
            return Outcome.LEFT_AND_PASSED;
        }
        if (state != State.ENTERING_TEXT || characters.isEmpty() || Character.isISOControl(characters.charAt(0))) {
            return Outcome.IGNORED;
        }
        entered.append(characters);
        speech.speak(characters, Priority.NOW);
        return Outcome.HANDLED;
    }

    /**
     * Puts an action proposed by a chat request up for confirmation: the prompt is spoken, Enter performs
     * it, any other key cancels it.
     */
    public void propose(ProposedAction action) {
        propose(action, null);
    }

    /** Proposes as {@link #propose(ProposedAction)} does, after what was looked at when that must be said. */
    public void propose(ProposedAction action, String lookedAt) {
        pending = action;
        state = State.CONFIRMING;
        say(withBefore(lookedAt, action.confirmationPrompt()));
    }

    private static String withBefore(String before, String text) {
        return before == null ? text : before + " " + text;
    }

    private Outcome keyWhileEntering(Key key) {
        switch (key) {
            case ENTER -> {
                Element field = current().orElseThrow();
                String text = entered.toString();
                entered.setLength(0);
                if (text.isBlank()) {
                    state = State.BROWSING;
                    say(ElementWords.MESSAGES.get("browse.nothingToType"));
                } else {
                    propose(ProposedAction.type(field, text));
                }
                return Outcome.HANDLED;
            }
            case ESCAPE -> {
                entered.setLength(0);
                state = State.BROWSING;
                say(ElementWords.MESSAGES.get("browse.cancelled"));
                return Outcome.HANDLED;
            }
            case BACK_SPACE -> {
                if (entered.length() > 0) {
                    entered.setLength(entered.length() - 1);
                }
                return Outcome.HANDLED;
            }
            default -> {
                return Outcome.IGNORED;
            }
        }
    }

    private Outcome activate() {
        Optional<Element> e = current();
        if (e.isEmpty()) {
            return Outcome.IGNORED;
        }
        Element element = e.get();
        if (!element.isClickable()) {
            say(ElementWords.MESSAGES.get("browse.notActivatable", ElementWords.target(element)));
            return Outcome.HANDLED;
        }
        if (actions == null || !map.onScreen()) {
            say(ElementWords.MESSAGES.get("action.notScreen"));
            return Outcome.HANDLED;
        }
        if (element.type() == ElementType.FIELD) {
            state = State.ENTERING_TEXT;
            entered.setLength(0);
            say(ElementWords.MESSAGES.get("browse.typePrompt", ElementWords.spoken(element, map)));
            return Outcome.HANDLED;
        }
        propose(ProposedAction.click(element));
        return Outcome.HANDLED;
    }

    private void confirm() {
        ProposedAction action = pending;
        pending = null;
        if (actions == null || !map.onScreen()) {
            state = State.BROWSING;
            say(ElementWords.MESSAGES.get("action.notScreen"));
            return;
        }
        state = State.ACTING;
        running = actions.perform(action, area);
        running.outcome().thenAccept(afterAction);
    }

    private void cancelPending() {
        pending = null;
        state = State.BROWSING;
        say(ElementWords.MESSAGES.get("browse.cancelled"));
    }

    /** The running action may have finished since the last key. */
    private void refreshActing() {
        if (state == State.ACTING && running != null && running.outcome().isDone()) {
            state = State.BROWSING;
            running = null;
        }
    }

    private Outcome move(int step, Predicate<Element> wanted, ElementType type) {
        if (map.isEmpty()) {
            say(ElementWords.MESSAGES.get("browse.empty"));
            return Outcome.HANDLED;
        }
        for (int i = index + step; i >= 0 && i < map.size(); i += step) {
            if (wanted.test(map.get(i))) {
                index = i;
                say(ElementWords.spoken(map.get(i), map));
                return Outcome.HANDLED;
            }
        }
        if (type == null) {
            say(ElementWords.MESSAGES.get(step > 0 ? "browse.bottom" : "browse.top"));
        } else {
            say(ElementWords.MESSAGES.get(step > 0 ? "browse.noNext" : "browse.noPrevious",
                    ElementWords.typeName(type)));
        }
        return Outcome.HANDLED;
    }

    /**
     * Moves to the first element of the next (or previous) region and says the region with what it holds, then
     * the element. Elements come region by region, so a region's elements are one run of the list.
     */
    private Outcome moveRegion(int step) {
        if (map.isEmpty()) {
            say(ElementWords.MESSAGES.get("browse.empty"));
            return Outcome.HANDLED;
        }
        int from = index < 0 ? -1 : regionAt(index);
        for (int i = index + step; i >= 0 && i < map.size(); i += step) {
            int region = regionAt(i);
            if (region != from) {
                int first = i;
                while (first > 0 && regionAt(first - 1) == region) {
                    first--;
                }
                index = first;
                say(ElementWords.region(map, map.regions().get(region)));
                speech.speak(ElementWords.spoken(map.get(first), map), Priority.NEXT);
                return Outcome.HANDLED;
            }
        }
        say(ElementWords.MESSAGES.get(step > 0 ? "browse.noNextRegion" : "browse.noPreviousRegion"));
        return Outcome.HANDLED;
    }

    private int regionAt(int elementIndex) {
        return map.regionOf(map.get(elementIndex)).index();
    }

    private Outcome jump(int to) {
        if (map.isEmpty()) {
            say(ElementWords.MESSAGES.get("browse.empty"));
            return Outcome.HANDLED;
        }
        index = to;
        say(ElementWords.spoken(map.get(index), map));
        return Outcome.HANDLED;
    }

    /** New speech cuts off what was being said: the user has moved on. */
    private void say(String text) {
        speech.speak(text, Priority.NOW);
    }
}
