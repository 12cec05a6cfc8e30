package org.sightline.app.assistant;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.sightline.app.AppText;
import org.sightline.app.settings.Settings;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.ModelEntry;
import org.sightline.task.Progress;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.summary.DescriptionModels;
import org.sightline.vision.summary.LayoutSummary;
import org.sightline.vision.vlm.ConversationOptions;
import org.sightline.vision.vlm.Question;
import org.sightline.vision.vlm.VisionChat;
import org.sightline.vision.vlm.VisionLanguageBackend;
import org.sightline.vision.vlm.remote.OpenAiCompatibleBackend;
import org.sightline.vision.vlm.remote.RemoteSettings;
import org.sightline.vision.vlm.smolvlm.SmolVlmBackend;

/**
 * Describes with the default vision-language model when it is installed, or with the user's OpenAI-compatible
 * server when the settings name one: one conversation per capture, so a follow-up reuses the encoded image (or,
 * for a server, sends the history). The capture's text is read first, so an answer that quotes words not on
 * the image is followed by a caution. Without a model, the answer is a summary of the text and layout, and the
 * user hears once how to get a model. The settings are read at each request, so a change applies to the next
 * question; a conversation whose image goes to a server starts with the sentence saying so.
 */
public final class VisionDescribeService implements DescribeService, AutoCloseable {

    private final CatalogModelStore store;
    private final OcrReadService ocr;
    private final BiFunction<Capture, OcrResult, Map<String, Integer>> elementCounts;
    private final Supplier<Settings> settings;
    private VisionLanguageBackend backend;
    /** The local model's id, or the server's settings: what {@link #backend} was opened for. */
    private Object backendFor;
    private boolean downloadOffered;
    private Capture chatCapture;
    private VisionChat chat;

    /**
     * @param elementCounts the kinds and counts of controls on a capture (heading, button, link ...), for the
     *                      summary given when no model is installed
     */
    public VisionDescribeService(CatalogModelStore store, OcrReadService ocr,
                                 BiFunction<Capture, OcrResult, Map<String, Integer>> elementCounts) {
        this(store, ocr, elementCounts, Settings::defaults);
    }

    /**
     * @param settings the user's settings as they are now, read at each request (fast mode and the server)
     */
    public VisionDescribeService(CatalogModelStore store, OcrReadService ocr,
                                 BiFunction<Capture, OcrResult, Map<String, Integer>> elementCounts,
                                 Supplier<Settings> settings) {
        this.store = store;
        this.ocr = ocr;
        this.elementCounts = elementCounts;
        this.settings = settings;
    }

    @Override
    public synchronized String describe(DescribeRequest request, TaskContext context, Consumer<String> tokens) {
        Settings now = settings.get();
        if (now.remoteDescriptions()) {
            if (!Settings.validRemoteUrl(now.remoteUrl())) {
                // Only a hand-edited file gets here: the settings screen refuses such an address.
                throw new SightlineException(Problem.BAD_INPUT, AppText.get("settings.remoteUrl.invalid"));
            }
            RemoteSettings server = RemoteSettings.of(URI.create(now.remoteUrl()), now.remoteModel(),
                    now.remoteApiKey().isEmpty() ? null : now.remoteApiKey());
            if (backend == null || !server.equals(backendFor)) {
                close();
                backend = new OpenAiCompatibleBackend(server);
                backendFor = server;
            }
        } else {
            Optional<String> model = DescriptionModels.installed(store);
            if (model.isEmpty()) {
                return withoutModel(request, context, tokens);
            }
            if (backend == null || !model.get().equals(backendFor)) {
                close();
                ModelEntry entry = store.catalog().get(model.get());
                context.progress(Progress.indeterminate(AppText.get("progress.loadingModel", entry.name())));
                backend = SmolVlmBackend.open(store.require(entry.id(), context));
                backendFor = entry.id();
            }
        }
        StringBuilder answer = new StringBuilder();
        // Fast mode applies from the next capture: switching it must not lose the conversation about this one.
        if (chat == null || chatCapture != request.capture()) {
            closeChat();
            OcrResult text = ocr.recognise(request.capture(), context, line -> { });
            chat = VisionChat.start(backend, request.capture().image(),
                    now.describeFast() ? ConversationOptions.fastMode() : ConversationOptions.defaults());
            chat.setRecognisedText(text.text());
            chatCapture = request.capture();
            // Said before anything is sent, in the transcript and aloud, once per image that leaves the computer.
            if (chat.blankMessage().isEmpty()) {
                chat.privacyStatement().ifPresent(statement -> {
                    tokens.accept(statement + " ");
                    answer.append(statement).append(' ');
                });
            }
        }
        Question question = request.question() == null ? Question.shortDescription() : Question.of(request.question());
        VisionChat.Reply reply = chat.ask(question, tokens::accept, context);
        answer.append(reply.text());
        if (reply.caution().isPresent()) {
            tokens.accept(" " + reply.caution().get());
            answer.append(' ').append(reply.caution().get());
        }
        return answer.toString();
    }

    /**
     * No model: a summary of what the text and layout show for sure, never an invented scene; the first time,
     * followed by the offer to download a model with its size.
     */
    private String withoutModel(DescribeRequest request, TaskContext context, Consumer<String> tokens) {
        OcrResult text = ocr.recognise(request.capture(), context, line -> { });
        LayoutSummary.Reason reason = request.question() == null
                ? LayoutSummary.Reason.NO_MODEL : LayoutSummary.Reason.QUESTION_NEEDS_MODEL;
        StringBuilder answer = new StringBuilder(
                LayoutSummary.of(request.capture().image(), text, elementCounts.apply(request.capture(), text))
                        .text(reason));
        if (!downloadOffered) {
            downloadOffered = true;
            DescriptionModels.downloadHint(store).ifPresent(hint ->
                    answer.append(' ').append(hint).append(' ').append(AppText.get("describe.openModels")));
        }
        tokens.accept(answer.toString());
        return answer.toString();
    }

    private void closeChat() {
        if (chat != null) {
            chat.close();
            chat = null;
            chatCapture = null;
        }
    }

    @Override
    public synchronized void close() {
        closeChat();
        if (backend != null) {
            backend.close();
            backend = null;
            backendFor = null;
        }
    }
}
