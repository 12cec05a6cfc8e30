package org.sightline.vision.describe;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.sightline.i18n.Messages;
import org.sightline.models.CatalogModelStore;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.read.TextReader;
import org.sightline.vision.summary.DescriptionModels;
import org.sightline.vision.summary.LayoutSummary;
import org.sightline.vision.summary.RegionQuestions;
import org.sightline.vision.summary.TextQuestions;
import org.sightline.vision.vlm.BackendChoice;
import org.sightline.vision.vlm.Detail;
import org.sightline.vision.vlm.Question;
import org.sightline.vision.vlm.TokenListener;
import org.sightline.vision.vlm.VisionChat;
import org.sightline.vision.vlm.VisionLanguageBackend;
import org.sightline.vision.vlm.VisionLanguageProviders;
import org.sightline.vision.vlm.honesty.BlankCapture;

/**
 * Describes captures and answers questions about them, for the app and the command line alike:
 * <ol>
 *   <li>a blank capture is answered with the blank sentence before any model loads;</li>
 *   <li>the backend comes from the user's {@link BackendChoice} through {@link VisionLanguageProviders}, and
 *       stays loaded while the choice stays the same;</li>
 *   <li>one conversation per capture: a follow-up reuses the encoded image (or, for a server, the history),
 *       and a closer look reuses the views of the capture already encoded;
 *       the capture's text is read first, so an answer that quotes words not on the image gets a caution;</li>
 *   <li>when the user left the model to Sightline and none is installed, the answer is a summary of the text
 *       and layout with the kinds of controls seen, never an invented scene, and the first such summary comes
 *       with the way to download a model.</li>
 * </ol>
 * Calls are serialised; each runs on the caller's thread.
 */
public final class Describer implements AutoCloseable {

    /**
     * One thing asked about a capture.
     *
     * @param capture   the image
     * @param question  what to ask; a short description when null
     * @param asking    whether the user asked a question (a summary then says questions need a model)
     * @param givenText text known to be on the image, used instead of OCR to check quotes; null to run OCR
     */
    public record Request(Capture capture, Question question, boolean asking, String givenText) {

        public Request {
            Objects.requireNonNull(capture, "capture");
            question = question == null ? Question.shortDescription() : question;
        }

        /** A request whose question, if any, is the user's own. */
        public static Request of(Capture capture, Question question) {
            return new Request(capture, question, question != null && question.text() != null, null);
        }
    }

    /** Receives an answer as it is written, and the statement said before an image leaves the computer. */
    public interface Listener extends TokenListener {

        /** Said once per capture, before its image is sent to a server. */
        default void onPrivacyStatement(String statement) {
        }

        /** A listener handing the answer's pieces to {@code text}, and the statement and notices to {@code statements}. */
        static Listener of(TokenListener text, Consumer<String> statements) {
            return new Listener() {
                @Override
                public void onText(String piece) {
                    text.onText(piece);
                }

                @Override
                public void onPrivacyStatement(String statement) {
                    statements.accept(statement);
                }

                @Override
                public void onNotice(String sentence) {
                    statements.accept(sentence);
                }
            };
        }
    }

    private static final Messages MESSAGES = new Messages("org.sightline.vision.vlm.messages");

    private final CatalogModelStore store;
    private final TextReader reader;
    private final VisionLanguageProviders providers;
    private final ElementCounts elementCounts;
    private VisionLanguageBackend backend;
    private BackendChoice backendFor;
    private boolean downloadOffered;
    private Capture chatCapture;
    private VisionChat chat;
    private Detail chatDetail;
    /** The part of the capture the conversation looks at closely; null for the whole image. */
    private CloserLook.Part chatPart;
    /** The question that began the conversation: what a closer look asks again. */
    private Question chatQuestion;
    /** The capture whose encoded views the backend keeps for a closer look; another capture makes it forget them. */
    private Capture viewsOf;

    /** A describer with the registered providers, counting elements on each summarised capture. */
    public Describer(CatalogModelStore store, TextReader reader) {
        this(store, reader, VisionLanguageProviders.standard(), ElementCounts.fromElementMap());
    }

    public Describer(CatalogModelStore store, TextReader reader, VisionLanguageProviders providers,
                     ElementCounts elementCounts) {
        this.store = store;
        this.reader = reader;
        this.providers = providers;
        this.elementCounts = elementCounts;
    }

    /** The blank sentence when the capture is blank: the one check made before any model runs. */
    public Optional<String> blank(Capture capture) {
        return BlankCapture.message(capture.image());
    }

    /**
     * Describes or answers, streaming the answer to {@code listener}.
     *
     * @throws org.sightline.error.SightlineException BAD_INPUT for a malformed choice or a broken model folder,
     *     MODEL_MISSING when a model the user named is not installed
     * @throws org.sightline.task.CancelledException when {@code context} is cancelled
     */
    public synchronized Description describe(BackendChoice choice, Request request, Listener listener,
                                             TaskContext context) {
        Optional<String> blank = blank(request.capture());
        if (blank.isPresent()) {
            return Description.blank(blank.get());
        }
        if (request.asking() && RegionQuestions.asks(request.question().text())) {
            // The layout knows the page's regions; a description model would only guess at them.
            OcrResult text = reader.recognise(request.capture(), context, line -> { });
            return Description.summary(RegionQuestions.answer(request.question().text(), text).orElseThrow(),
                    Optional.empty());
        }
        Optional<BackendChoice> resolved = providers.resolve(choice, store);
        if (resolved.isEmpty()) {
            return withoutModel(request, context);
        }
        BackendChoice wanted = resolved.get();
        if (backend == null || !wanted.backend().equals(backendFor)) {
            close();
            backend = providers.open(wanted, store, context);
            backendFor = wanted.backend();
        }
        if (viewsOf != request.capture()) {
            backend.forgetViews();
            viewsOf = request.capture();
        }
        // Fast mode and generation settings apply from the next capture: changing them must not lose the
        // conversation about this one.
        Question question = request.question();
        Optional<CloserLook.Part> part = CloserLook.part(question.text());
        CloserLook.Part lookAt = null;
        if (chat != null && chatCapture == request.capture() && CloserLook.isRequest(question.text())
                && (chatDetail != Detail.FULL || part.isPresent() && part.get() != chatPart
                || part.isEmpty() && chatPart != null)) {
            // The same question again, with every tile of the whole image or of the part named: the quick
            // look's conversation is left behind.
            question = chatQuestion == null ? Question.detailedDescription() : chatQuestion;
            closeChat();
            wanted = wanted.withDetail(Detail.FULL);
            lookAt = part.orElse(null);
        }
        if (chat == null || chatCapture != request.capture()) {
            Question first = question;
            closeChat();
            java.awt.image.BufferedImage image = request.capture().image();
            String text;
            if (lookAt != null) {
                java.awt.Rectangle area = lookAt.of(image.getWidth(), image.getHeight());
                listener.onNotice(MESSAGES.get("vlm.closerPart", MESSAGES.get(lookAt.messageKey())));
                text = textWithin(reader.recognise(request.capture(), context, line -> { }), area);
                image = image.getSubimage(area.x, area.y, area.width, area.height);
            } else {
                text = request.givenText() != null ? request.givenText()
                        : reader.recognise(request.capture(), context, line -> { }).text();
            }
            chat = VisionChat.start(backend, image, wanted.options());
            chat.setRecognisedText(text);
            chatCapture = request.capture();
            chatDetail = wanted.detail();
            chatPart = lookAt;
            chatQuestion = first;
            chat.privacyStatement().ifPresent(listener::onPrivacyStatement);
        }
        VisionChat.Reply reply = chat.ask(question, listener, context);
        return Description.answer(reply.text(), reply.caution(), reply.closerLookAvailable()
                ? Optional.of(MESSAGES.get("vlm.closerLook")) : Optional.empty());
    }

    /** The summary of the capture's text and layout, asked for by the user. */
    public String summarise(Capture capture, TaskContext context) {
        return summary(capture, LayoutSummary.Reason.REQUESTED, context);
    }

    private Description withoutModel(Request request, TaskContext context) {
        if (request.asking()) {
            // "What does this page say?", "what is the main heading?": the text answers these without a model.
            Optional<String> fromText = TextQuestions.answer(request.question().text(),
                    reader.recognise(request.capture(), context, line -> { }));
            if (fromText.isPresent()) {
                return Description.summary(fromText.get(), Optional.empty());
            }
        }
        LayoutSummary.Reason reason = request.asking()
                ? LayoutSummary.Reason.QUESTION_NEEDS_MODEL : LayoutSummary.Reason.NO_MODEL;
        String summary = summary(request.capture(), reason, context);
        Optional<String> hint = Optional.empty();
        if (!downloadOffered) {
            downloadOffered = true;
            hint = DescriptionModels.downloadHint(store);
        }
        return Description.summary(summary, hint);
    }

    private String summary(Capture capture, LayoutSummary.Reason reason, TaskContext context) {
        OcrResult text = reader.recognise(capture, context, line -> { });
        return LayoutSummary.of(capture.image(), text, elementCounts.count(capture, text, context)).text(reason);
    }

    /** The recognised lines whose centre lies in {@code area}, in reading order, one a line. */
    private static String textWithin(OcrResult text, java.awt.Rectangle area) {
        StringBuilder within = new StringBuilder();
        for (var line : text.lines()) {
            if (area.contains(line.box().getCenterX(), line.box().getCenterY())) {
                within.append(within.isEmpty() ? "" : "\n").append(line.text());
            }
        }
        return within.toString();
    }

    private void closeChat() {
        if (chat != null) {
            chat.close();
            chat = null;
            chatCapture = null;
            chatPart = null;
            chatQuestion = null;
        }
    }

    /** Closes the conversation and the backend; the describer may be used again afterwards. */
    @Override
    public synchronized void close() {
        closeChat();
        if (backend != null) {
            backend.close();
            backend = null;
            backendFor = null;
            viewsOf = null;
        }
    }
}
