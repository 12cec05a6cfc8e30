package org.sightline.app.assistant;

import java.util.function.Consumer;
import org.sightline.app.AppText;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.ModelEntry;
import org.sightline.task.Progress;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.vlm.ConversationOptions;
import org.sightline.vision.vlm.Question;
import org.sightline.vision.vlm.VisionChat;
import org.sightline.vision.vlm.VisionLanguageBackend;
import org.sightline.vision.vlm.smolvlm.SmolVlmBackend;

/**
 * Describes with the default vision-language model when it is installed: one conversation per capture, so a
 * follow-up reuses the encoded image. The capture's text is read first, so an answer that quotes words not on
 * the image is followed by a caution. Without a model, the answer is the summary of text and layout that
 * {@link #withoutModel} gives, and the user hears how to get a model.
 */
public final class VisionDescribeService implements DescribeService, AutoCloseable {

    private final CatalogModelStore store;
    private final OcrReadService ocr;
    private VisionLanguageBackend backend;
    private Capture chatCapture;
    private VisionChat chat;

    public VisionDescribeService(CatalogModelStore store, OcrReadService ocr) {
        this.store = store;
        this.ocr = ocr;
    }

    @Override
    public synchronized String describe(DescribeRequest request, TaskContext context, Consumer<String> tokens) {
        ModelEntry model = store.catalog().defaultFor("vlm").orElse(null);
        if (model == null || !store.isInstalled(model.id())) {
            return withoutModel(request, context, tokens, model);
        }
        if (backend == null) {
            context.progress(Progress.indeterminate(AppText.get("progress.loadingModel", model.name())));
            backend = SmolVlmBackend.open(store.require(model.id(), context));
        }
        if (chat == null || chatCapture != request.capture()) {
            closeChat();
            OcrResult text = ocr.recognise(request.capture(), context, line -> { });
            chat = VisionChat.start(backend, request.capture().image(), ConversationOptions.defaults());
            chat.setRecognisedText(text.text());
            chatCapture = request.capture();
        }
        Question question = request.question() == null ? Question.shortDescription() : Question.of(request.question());
        VisionChat.Reply reply = chat.ask(question, tokens::accept, sentence -> { }, context);
        String answer = reply.text();
        if (reply.caution().isPresent()) {
            tokens.accept(" " + reply.caution().get());
            answer = answer + " " + reply.caution().get();
        }
        return answer;
    }

    /** No model: a summary of what OCR can know for sure, then how to get a model. */
    private String withoutModel(DescribeRequest request, TaskContext context, Consumer<String> tokens,
                                ModelEntry model) {
        if (model == null) {
            throw new SightlineException(Problem.MODEL_MISSING, AppText.get("describe.noModelInCatalog"));
        }
        throw new SightlineException(Problem.MODEL_MISSING, AppText.get("describe.modelMissing", model.name(),
                model.id()));
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
        }
    }
}
