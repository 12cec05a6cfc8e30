package org.sightline.vision.vlm;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sightline.task.TaskContext;
import org.sightline.vision.vlm.honesty.BlankCapture;
import org.sightline.vision.vlm.honesty.QuoteCheck;

/**
 * One image, one backend, honesty checks around every answer: what the describe use case
 * ({@link org.sightline.vision.describe.Describer}) holds per capture. A blank capture is answered with the blank
 * message and never reaches the model; each answer is streamed piece by piece as the model writes it (the app's
 * speech cuts it into sentences), and followed by a caution sentence when it quotes text that the recognised text
 * does not contain.
 *
 * <p>Use one instance per capture; a new capture needs a new chat. {@link #ask} blocks and runs on the
 * caller's thread (the app runs it as a task), and throws {@link org.sightline.task.CancelledException}
 * when the task's token is cancelled; the chat stays usable.
 */
public final class VisionChat implements AutoCloseable {

    private final VisionLanguageBackend backend;
    private final Optional<String> blank;
    private final BufferedImage image;
    private final ConversationOptions options;
    private Conversation conversation;
    private String recognisedText;

    private VisionChat(VisionLanguageBackend backend, BufferedImage image, ConversationOptions options) {
        this.image = Objects.requireNonNull(image, "image");
        this.blank = BlankCapture.message(image);
        this.backend = backend;
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * A chat about {@code image}. {@code backend} may be null when the image is blank (the model is not
     * needed then), which lets callers check for a blank capture before loading a model.
     */
    public static VisionChat start(VisionLanguageBackend backend, BufferedImage image, ConversationOptions options) {
        VisionChat chat = new VisionChat(backend, image, options);
        if (chat.blank.isEmpty() && backend == null) {
            throw new IllegalArgumentException("a backend is needed for an image that is not blank");
        }
        return chat;
    }

    /** The sentence to say instead of a description when the capture is blank. */
    public Optional<String> blankMessage() {
        return blank;
    }

    /** The statement to show and speak before the image leaves this computer; empty for local models. */
    public Optional<String> privacyStatement() {
        return backend == null ? Optional.empty() : backend.privacyStatement();
    }

    /** The text OCR read on the image, used to check quotes in every answer (null: not known). */
    public synchronized void setRecognisedText(String text) {
        this.recognisedText = text;
    }

    /**
     * Asks {@code question}, streaming the answer's text pieces to {@code pieces} as the model writes them.
     * The blank message and the caution are in the reply, not among the pieces.
     */
    public synchronized Reply ask(Question question, TokenListener pieces, TaskContext context) {
        if (blank.isPresent()) {
            return new Reply(blank.get(), Optional.empty(), true, Answer.FinishReason.END_OF_ANSWER, false);
        }
        if (conversation == null) {
            conversation = backend.startConversation(image, options);
        }
        Answer answer = conversation.ask(question, pieces, context);
        String ocr = question.recognisedText() != null ? question.recognisedText() : recognisedText;
        Optional<String> caution = QuoteCheck.caution(answer.text(), ocr);
        return new Reply(answer.text(), caution, false, answer.finishReason(), answer.closerLookAvailable());
    }

    /** The conversation so far; empty for a blank capture or before the first answer. */
    public synchronized List<Turn> turns() {
        return conversation == null ? List.of() : conversation.turns();
    }

    @Override
    public synchronized void close() {
        if (conversation != null) {
            conversation.close();
        }
    }

    /**
     * One answer as the user gets it.
     *
     * @param text    the answer (or the blank message)
     * @param caution the sentence spoken after the answer when it quoted text not found on the image
     * @param blank   whether the capture was blank and no model ran
     * @param closerLookAvailable whether the model looked with fewer views than it can (see {@link Detail})
     */
    public record Reply(String text, Optional<String> caution, boolean blank, Answer.FinishReason finishReason,
                        boolean closerLookAvailable) {
    }
}
