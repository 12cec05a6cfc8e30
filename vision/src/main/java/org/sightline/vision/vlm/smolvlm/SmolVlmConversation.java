package org.sightline.vision.vlm.smolvlm;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.sightline.i18n.Messages;
import org.sightline.models.runtime.OnnxModels;
import org.sightline.task.CancellationToken;
import org.sightline.task.CancelledException;
import org.sightline.task.Progress;
import org.sightline.task.TaskContext;
import org.sightline.vision.vlm.Answer;
import org.sightline.vision.vlm.Conversation;
import org.sightline.vision.vlm.ConversationOptions;
import org.sightline.vision.vlm.PromptTexts;
import org.sightline.vision.vlm.Question;
import org.sightline.vision.vlm.TokenListener;
import org.sightline.vision.vlm.Turn;

/**
 * One image and its questions on SmolVLM. The image is encoded on the first ask only; afterwards the
 * conversation keeps the decoder's key/value cache and feeds only the new tokens of each follow-up.
 *
 * <p>State survives cancellation: tokens already chosen but not yet run through the decoder are kept as
 * {@code pending} and fed first on the next ask, and the cache is only replaced after a run succeeded.
 */
final class SmolVlmConversation implements Conversation {

    private static final Messages MESSAGES = new Messages("org.sightline.vision.vlm.messages");

    private final SmolVlmBackend backend;
    private final ConversationOptions options;
    private final TokenChooser chooser;
    private final List<Turn> turns = new ArrayList<>();
    private BufferedImage image;
    private float[] imageFeatures;
    private PixelBatch pixels;
    private TilePlan plan;
    private KvCache cache;
    /** Tokens the model chose that are not yet in the cache (the last token of the previous answer). */
    private final List<Long> pending = new ArrayList<>();
    private final LogitsRows logitsRows = new LogitsRows();
    /** Whether the image was looked at with fewer views than a full look; told with the first answer only. */
    private boolean quickLook;
    /** The token ids of the last finished answer, for checks against the reference implementation. */
    private long[] lastAnswerIds = new long[0];
    private boolean closed;

    SmolVlmConversation(SmolVlmBackend backend, BufferedImage image, ConversationOptions options) {
        this.backend = backend;
        this.image = image;
        this.options = options;
        this.chooser = new TokenChooser(options.generation());
    }

    @Override
    public synchronized Answer ask(Question question, TokenListener listener, TaskContext context) {
        if (closed) {
            throw new IllegalStateException("conversation closed");
        }
        CancellationToken token = context.cancellation();
        token.throwIfCancelled();
        String userText = PromptTexts.userText(question);
        try (RunCancellation run = new RunCancellation(token)) {
            SmolVlmBackend.DecodeStep step = cache == null ? firstTurn(List.of(), userText, run, context)
                    : followUp(userText, listener, run, context);
            return generate(question, userText, step, listener, run, context);
        }
    }

    /** The image and {@code earlier} turns (none on a first ask) followed by {@code userText}, run from an empty cache. */
    private SmolVlmBackend.DecodeStep firstTurn(List<Turn> earlier, String userText, RunCancellation run, TaskContext context) {
        SmolVlmConfig config = backend.config();
        if (imageFeatures == null) {
            if (pixels == null) {
                ImagePreprocessor preprocessor = backend.preprocessor();
                int edge = ViewChoice.longestEdge(options.detail(), image.getWidth(), image.getHeight(), preprocessor,
                        config, ViewChoice.secondsPerView(backend.stats(), config.tokensPerTile(),
                                computeThreads(), OnnxModels.gpuAvailable()));
                pixels = preprocessor.process(image, edge);
                quickLook = pixels.plan().imageCount()
                        < preprocessor.plan(image.getWidth(), image.getHeight(), config.longestEdge()).imageCount();
            }
            imageFeatures = backend.encode(pixels, run, context);
            plan = pixels.plan();
            // The features are all the conversation needs from now on; the pixels are tens of megabytes.
            pixels = null;
            image = null;
        }
        context.progress(Progress.indeterminate(MESSAGES.get("vlm.progress.reading")));
        long[] ids = rendered(earlier, userText);
        float[] embeds = backend.embed(ids, run, context);
        try {
            EmbeddingMerge.merge(embeds, ids, config.hiddenSize(), imageFeatures, config.imageTokenId());
        } catch (IllegalStateException e) {
            throw SmolVlmBackend.mismatch(e.getMessage());
        }
        return prefill(embeds, ids.length, null, run, context);
    }

    /**
     * The prompt of a conversation from its start: the image with the first question, then each answer and the
     * next question, ending with {@code userText}; the same tokens the cache holds after those turns.
     */
    private long[] rendered(List<Turn> earlier, String userText) {
        SmolVlmTokenizer tokenizer = backend.tokenizer();
        List<String> questions = new ArrayList<>();
        earlier.forEach(t -> questions.add(t.prompt()));
        questions.add(userText);
        List<long[]> parts = new ArrayList<>();
        parts.add(tokenizer.encode(ChatPrompt.firstTurn(questions.get(0), plan, backend.config().tokensPerTile())));
        for (int i = 0; i < earlier.size(); i++) {
            parts.add(tokenizer.encodeText(" " + earlier.get(i).answer()));
            parts.add(tokenizer.encode(ChatPrompt.followUp(questions.get(i + 1))));
        }
        return parts.stream().flatMapToLong(java.util.Arrays::stream).toArray();
    }

    private SmolVlmBackend.DecodeStep followUp(String userText, TokenListener listener, RunCancellation run,
                                              TaskContext context) {
        long[] text = backend.tokenizer().encode(ChatPrompt.followUp(userText));
        int room = backend.config().contextLength() - options.generation().maxNewTokens();
        if (cache.length() + pending.size() + text.length > room) {
            return restart(userText, room, listener, run, context);
        }
        List<Long> ids = new ArrayList<>();
        for (long p : pending) {
            if (!backend.stopIds().contains(p)) {
                ids.add(p);
            }
        }
        for (long t : text) {
            ids.add(t);
        }
        long[] all = ids.stream().mapToLong(Long::longValue).toArray();
        float[] embeds = backend.embed(all, run, context);
        try {
            // A follow-up has no image of its own: any image token in it would be an error.
            EmbeddingMerge.merge(embeds, all, backend.config().hiddenSize(), new float[0], backend.config().imageTokenId());
        } catch (IllegalStateException e) {
            throw SmolVlmBackend.mismatch(e.getMessage());
        }
        return prefill(embeds, all.length, cache, run, context);
    }

    /**
     * The conversation no longer fits the model's context: start again from the image with the most recent
     * turns that leave room for the answer, and say how many questions were left out. The transcript keeps
     * every turn; only the model forgets.
     */
    private SmolVlmBackend.DecodeStep restart(String userText, int room, TokenListener listener, RunCancellation run,
                                              TaskContext context) {
        int dropped = 0;
        while (dropped < turns.size() && rendered(turns.subList(dropped, turns.size()), userText).length > room) {
            dropped++;
        }
        if (dropped > 0) {
            listener.onNotice(MESSAGES.get("vlm.context.trimmed", dropped));
        }
        replaceCache(null);
        pending.clear();
        return firstTurn(turns.subList(dropped, turns.size()), userText, run, context);
    }

    private SmolVlmBackend.DecodeStep prefill(float[] embeds, int length, KvCache past, RunCancellation run, TaskContext context) {
        KvCache from = past == null ? backend.emptyCache() : past;
        long start = System.nanoTime();
        try {
            SmolVlmBackend.DecodeStep step = backend.prefill(embeds, length, from, backend.prefillChunk(), logitsRows, run, context);
            backend.stats().prefillNanos.addAndGet(System.nanoTime() - start);
            backend.stats().prefillTokens.addAndGet(length);
            replaceCache(step.cache());
            pending.clear();
            return step;
        } finally {
            if (past == null) {
                from.close();
            }
        }
    }

    private Answer generate(Question question, String userText, SmolVlmBackend.DecodeStep first, TokenListener listener,
                            RunCancellation run, TaskContext context) {
        context.progress(Progress.indeterminate(MESSAGES.get("vlm.progress.answering")));
        CancellationToken token = context.cancellation();
        int max = options.generation().maxNewTokens();
        List<Long> answer = new ArrayList<>();
        StreamedText streamed = new StreamedText();
        float[] logits = first.logits();
        Answer.FinishReason reason = Answer.FinishReason.LENGTH_LIMIT;
        RunnerStats stats = backend.stats();
        try {
            while (true) {
                token.throwIfCancelled();
                long stepStart = System.nanoTime();
                long sessionBefore = stats.decoderNanos.get() + stats.embedNanos.get();
                long cpuStart = RunnerStats.threadCpuNanos();
                long sessionCpuBefore = stats.sessionThreadCpuNanos.get();
                long next = chooser.choose(logits, answer);
                pending.clear();
                pending.add(next);
                if (backend.stopIds().contains(next)) {
                    reason = Answer.FinishReason.END_OF_ANSWER;
                    break;
                }
                answer.add(next);
                stats.generatedTokens.incrementAndGet();
                String piece = streamed.next(backend.tokenizer().decode(toArray(answer)));
                if (!piece.isEmpty()) {
                    listener.onText(piece);
                }
                if (answer.size() >= max) {
                    break;
                }
                SmolVlmBackend.DecodeStep step = backend.decode(backend.embed(new long[] {next}, run, context), 1, cache, logitsRows, run, context);
                replaceCache(step.cache());
                pending.clear();
                logits = step.logits();
                stats.decodeLoopNanos.addAndGet(System.nanoTime() - stepStart);
                stats.decodeSessionNanos.addAndGet(stats.decoderNanos.get() + stats.embedNanos.get() - sessionBefore);
                stats.decodeJavaCpuNanos.addAndGet(RunnerStats.threadCpuNanos() - cpuStart
                        - (stats.sessionThreadCpuNanos.get() - sessionCpuBefore));
            }
        } catch (CancelledException e) {
            turns.add(new Turn(question, userText, StreamedText.wholeLetters(backend.tokenizer().decode(toArray(answer))).strip()));
            throw e;
        }
        lastAnswerIds = toArray(answer);
        String full = StreamedText.wholeLetters(backend.tokenizer().decode(lastAnswerIds));
        String rest = streamed.finish(full);
        if (!rest.isEmpty()) {
            listener.onText(rest);
        }
        String text = full.strip();
        turns.add(new Turn(question, userText, text));
        boolean closerLookAvailable = quickLook && turns.size() == 1;
        return new Answer(text, reason, answer.size(), closerLookAvailable);
    }

    private void replaceCache(KvCache next) {
        if (cache != null && cache != next) {
            cache.close();
        }
        cache = next;
    }

    private static long[] toArray(List<Long> ids) {
        long[] out = new long[ids.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.get(i);
        }
        return out;
    }

    /** Tokens in the key/value cache: 0 before the first answer. */
    synchronized int cachedTokens() {
        return cache == null ? 0 : cache.length();
    }

    /** The shape of one cached tensor, for tests: {@code [1, kvHeads, length, headDim]}. */
    synchronized long[] cacheShape(int layer) {
        return cache == null ? null : cache.shape(layer, "key");
    }

    /** The threads ONNX Runtime computes with: the store's limit, or every processor when it sets none. */
    private static int computeThreads() {
        int limit = OnnxModels.threads();
        return limit > 0 ? limit : Runtime.getRuntime().availableProcessors();
    }

    /** Bytes of the buffer the decoder writes its logits into: the longest run's, for benchmarks. */
    synchronized long logitsBufferBytes() {
        return logitsRows.capacityBytes();
    }

    synchronized long[] lastAnswerIds() {
        return lastAnswerIds.clone();
    }

    synchronized int pendingTokens() {
        return pending.size();
    }

    @Override
    public synchronized List<Turn> turns() {
        return List.copyOf(turns);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (cache != null) {
            cache.close();
            cache = null;
        }
        imageFeatures = null;
        pixels = null;
        image = null;
    }
}
