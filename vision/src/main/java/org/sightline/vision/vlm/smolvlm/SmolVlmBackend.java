package org.sightline.vision.vlm.smolvlm;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.models.InstalledModel;
import org.sightline.models.runtime.OnnxModels;
import org.sightline.models.runtime.OnnxSession;
import org.sightline.task.CancelledException;
import org.sightline.task.Progress;
import org.sightline.task.TaskContext;
import org.sightline.vision.vlm.Conversation;
import org.sightline.vision.vlm.ConversationOptions;
import org.sightline.vision.vlm.VisionLanguageBackend;

/**
 * SmolVLM running in this process: the three ONNX graphs, the tokenizer and the model's configuration,
 * loaded once and shared by every conversation. Sessions are thread-safe; each conversation keeps its own
 * key/value cache.
 */
public final class SmolVlmBackend implements VisionLanguageBackend {

    private static final Messages MESSAGES = new Messages("org.sightline.vision.vlm.messages");

    private final String id;
    private final SmolVlmConfig config;
    private final SmolVlmTokenizer tokenizer;
    private final ImagePreprocessor preprocessor;
    private final OnnxSession vision;
    private final OnnxSession embed;
    private final OnnxSession decoder;
    private final boolean feedsUseCacheBranch;
    private final boolean feedsLogitsToKeep;
    private final boolean feedsPositionIds;
    /** The logits' last dimension as the graph declares it (the config's vocabulary size when it is symbolic). */
    private final int logitsVocab;
    /** The decoder outputs ONNX Runtime allocates: the grown cache; the logits go into a {@link LogitsRows}. */
    private final Set<String> presentOutputs;
    private final Set<Long> stopIds;
    private final RunnerStats stats = new RunnerStats();
    private final EncodedViews encodedViews = new EncodedViews(EncodedViews.DEFAULT_LIMIT_BYTES);

    private SmolVlmBackend(String id, SmolVlmFiles files) {
        this.id = id;
        SmolVlmConfig declared = SmolVlmConfig.read(files.config(), files.preprocessorConfig());
        OnnxSession v = null;
        OnnxSession e = null;
        OnnxSession d = null;
        SmolVlmTokenizer t = null;
        try {
            t = new SmolVlmTokenizer(files.tokenizer());
            v = openSession(files.visionEncoder());
            e = openSession(files.embedTokens());
            d = openSession(files.decoder());
            declared = checkContract(declared, v, e, d);
        } catch (RuntimeException ex) {
            for (AutoCloseable c : new AutoCloseable[] {t, v, e, d}) {
                closeQuietly(c);
            }
            throw ex;
        }
        this.config = declared;
        this.preprocessor = new ImagePreprocessor(config);
        this.tokenizer = t;
        this.vision = v;
        this.embed = e;
        this.decoder = d;
        Set<String> decoderInputs = inputNames(d);
        this.feedsUseCacheBranch = decoderInputs.contains("use_cache_branch");
        this.feedsLogitsToKeep = decoderInputs.contains("num_logits_to_keep");
        this.feedsPositionIds = decoderInputs.contains("position_ids");
        this.logitsVocab = outputVocab(d, config.vocabSize());
        Set<String> present = new java.util.LinkedHashSet<>();
        for (int i = 0; i < config.layers(); i++) {
            present.add(KvCache.outputName(i, "key"));
            present.add(KvCache.outputName(i, "value"));
        }
        this.presentOutputs = Set.copyOf(present);
        Set<Long> stops = new HashSet<>(config.eosTokenIds());
        long eou = tokenizer.idOf(ChatPrompt.END_OF_UTTERANCE);
        if (eou >= 0) {
            stops.add(eou);
        }
        this.stopIds = Set.copyOf(stops);
    }

    /** Loads the model in {@code files}; {@code id} names it in logs and settings. */
    public static SmolVlmBackend open(String id, SmolVlmFiles files) {
        return new SmolVlmBackend(id, files);
    }

    /** Loads an installed catalog model. */
    public static SmolVlmBackend open(InstalledModel model) {
        return new SmolVlmBackend(model.id(), SmolVlmFiles.from(model));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Optional<String> privacyStatement() {
        return Optional.empty();
    }

    @Override
    public Conversation startConversation(BufferedImage image, ConversationOptions options) {
        return new SmolVlmConversation(this, image, options);
    }

    public SmolVlmConfig config() {
        return config;
    }

    public RunnerStats stats() {
        return stats;
    }

    SmolVlmTokenizer tokenizer() {
        return tokenizer;
    }

    ImagePreprocessor preprocessor() {
        return preprocessor;
    }

    Set<Long> stopIds() {
        return stopIds;
    }

    KvCache emptyCache() {
        return KvCache.empty(OnnxModels.environment(), config.layers(), config.kvHeads(), config.headDim());
    }

    /**
     * The image features of every view, {@code views * tokensPerTile * hidden} values: one run per view not
     * already encoded, the others taken from {@link #encodedViews()}. Progress counts the look's views and is
     * told for those run.
     */
    float[] encode(PixelBatch batch, RunCancellation run, TaskContext context) {
        OrtEnvironment env = OnnxModels.environment();
        int size = batch.size();
        int perView = config.tokensPerTile() * config.hiddenSize();
        int count = batch.views().size();
        float[] features = new float[count * perView];
        boolean reuse = encodedViews.limitBytes() > 0;
        ByteBuffer maskBytes = ByteBuffer.allocateDirect(size * size).order(ByteOrder.nativeOrder());
        for (int i = 0; i < size * size; i++) {
            maskBytes.put((byte) 1);
        }
        maskBytes.rewind();
        try (OnnxTensor mask = OnnxTensor.createTensor(env, maskBytes, new long[] {1, 1, size, size}, OnnxJavaType.BOOL)) {
            for (int v = 0; v < count; v++) {
                context.cancellation().throwIfCancelled();
                float[] view = batch.views().get(v);
                EncodedViews.Key key = reuse ? EncodedViews.key(view, size) : null;
                float[] known = reuse ? encodedViews.get(key) : null;
                if (known != null) {
                    System.arraycopy(known, 0, features, v * perView, perView);
                    stats.visionReused.incrementAndGet();
                    continue;
                }
                context.progress(new Progress(v, count, MESSAGES.get("vlm.progress.encoding", v + 1, count)));
                try (OnnxTensor pixels = OnnxTensor.createTensor(env, FloatBuffer.wrap(view),
                        new long[] {1, 1, 3, size, size})) {
                    long start = System.nanoTime();
                    try (OrtSession.Result out = vision.use(s -> s.run(
                            Map.of("pixel_values", pixels, "pixel_attention_mask", mask), run.options()))) {
                        stats.visionNanos.addAndGet(System.nanoTime() - start);
                        stats.visionCalls.incrementAndGet();
                        FloatBuffer f = ((OnnxTensor) out.get(0)).getFloatBuffer();
                        if (f.remaining() != perView) {
                            throw mismatch("the vision encoder gave " + f.remaining() + " values for one view, expected "
                                    + config.tokensPerTile() + " x " + config.hiddenSize());
                        }
                        f.get(features, v * perView, perView);
                    }
                }
                if (reuse) {
                    encodedViews.put(key, java.util.Arrays.copyOfRange(features, v * perView, (v + 1) * perView));
                }
            }
        } catch (OrtException e) {
            throw runFailure(e, context);
        }
        return features;
    }

    /** The features of views already encoded, shared by this backend's conversations about one picture. */
    EncodedViews encodedViews() {
        return encodedViews;
    }

    /** Forgets the views encoded so far: the next picture starts afresh. */
    @Override
    public void forgetViews() {
        encodedViews.clear();
    }

    /** Token embeddings for {@code ids}, {@code ids.length * hidden} values. */
    float[] embed(long[] ids, RunCancellation run, TaskContext context) {
        OrtEnvironment env = OnnxModels.environment();
        try (OnnxTensor input = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {1, ids.length})) {
            long start = System.nanoTime();
            long cpu = RunnerStats.threadCpuNanos();
            try (OrtSession.Result out = embed.use(s -> s.run(Map.of("input_ids", input), run.options()))) {
                stats.embedNanos.addAndGet(System.nanoTime() - start);
                stats.sessionThreadCpuNanos.addAndGet(RunnerStats.threadCpuNanos() - cpu);
                stats.embedCalls.incrementAndGet();
                FloatBuffer f = ((OnnxTensor) out.get(0)).getFloatBuffer();
                if (f.remaining() != ids.length * config.hiddenSize()) {
                    throw mismatch("embed_tokens gave " + f.remaining() + " values for " + ids.length + " tokens, expected hidden size "
                            + config.hiddenSize());
                }
                float[] values = new float[f.remaining()];
                f.get(values);
                return values;
            }
        } catch (OrtException e) {
            throw runFailure(e, context);
        }
    }

    /**
     * Runs the decoder over {@code seq} new positions after {@code past}, {@code chunk} positions at a time:
     * the last position's logits and the grown cache. Each run's logits are {@code chunk x vocab} floats
     * (about 25 MB for 128 positions of SmolVLM's vocabulary), so a 17-view prompt of about 1100 positions no
     * longer needs a 240 MB logits tensor and a copy of it. {@code past} stays open; caches made on the way
     * are closed.
     */
    DecodeStep prefill(float[] embeds, int seq, KvCache past, int chunk, LogitsRows logits,
                       RunCancellation run, TaskContext context) {
        if (chunk <= 0) {
            throw new IllegalArgumentException("chunk " + chunk);
        }
        int hidden = config.hiddenSize();
        KvCache from = past;
        DecodeStep step = null;
        try {
            for (int start = 0; start < seq; start += chunk) {
                int length = Math.min(chunk, seq - start);
                float[] part = start == 0 && length == seq
                        ? embeds
                        : java.util.Arrays.copyOfRange(embeds, start * hidden, (start + length) * hidden);
                step = decode(part, length, from, logits, run, context);
                if (from != past) {
                    from.close();
                }
                from = step.cache();
            }
        } catch (RuntimeException e) {
            if (from != past) {
                from.close();
            }
            throw e;
        }
        if (step == null) {
            throw new IllegalArgumentException("nothing to prefill");
        }
        return step;
    }

    /** The chunk length {@link #prefill} uses in the product. */
    static final int PREFILL_CHUNK = 128;

    /** The chunk length conversations prefill with; benchmarks change it to compare the peak memory. */
    private volatile int prefillChunk = PREFILL_CHUNK;

    int prefillChunk() {
        return prefillChunk;
    }

    void prefillChunk(int positions) {
        if (positions <= 0) {
            throw new IllegalArgumentException("chunk " + positions);
        }
        prefillChunk = positions;
    }

    /** One decoder run over {@code seq} new positions after {@code past}: the last position's logits and the grown cache. */
    DecodeStep decode(float[] embeds, int seq, KvCache past, LogitsRows logits, RunCancellation run, TaskContext context) {
        OrtEnvironment env = OnnxModels.environment();
        int total = past.length() + seq;
        long[] mask = new long[total];
        java.util.Arrays.fill(mask, 1L);
        long[] positions = new long[seq];
        for (int i = 0; i < seq; i++) {
            positions[i] = past.length() + i;
        }
        Map<String, OnnxTensor> created = new HashMap<>();
        OrtSession.Result result = null;
        try {
            created.put("inputs_embeds", OnnxTensor.createTensor(env, FloatBuffer.wrap(embeds), new long[] {1, seq, config.hiddenSize()}));
            created.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), new long[] {1, total}));
            if (feedsPositionIds) {
                created.put("position_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(positions), new long[] {1, seq}));
            }
            if (feedsUseCacheBranch) {
                created.put("use_cache_branch", OnnxTensor.createTensor(env, new boolean[] {past.length() > 0}));
            }
            if (feedsLogitsToKeep) {
                created.put("num_logits_to_keep", OnnxTensor.createTensor(env, 1L));
            }
            Map<String, OnnxTensor> inputs = new HashMap<>(past.tensors());
            inputs.putAll(created);
            OnnxTensor pinned = logits.pin(env, feedsLogitsToKeep ? 1 : seq, logitsVocab);
            created.put("logits", pinned);
            long start = System.nanoTime();
            long cpu = RunnerStats.threadCpuNanos();
            result = decoder.use(s -> s.run(inputs, presentOutputs, Map.of("logits", pinned), run.options()));
            stats.decoderNanos.addAndGet(System.nanoTime() - start);
            stats.sessionThreadCpuNanos.addAndGet(RunnerStats.threadCpuNanos() - cpu);
            stats.decoderCalls.incrementAndGet();
            float[] scores = logits.lastRow();
            Map<String, OnnxTensor> present = new HashMap<>();
            for (int i = 0; i < config.layers(); i++) {
                for (String kind : new String[] {"key", "value"}) {
                    OnnxValue value = result.get(KvCache.outputName(i, kind))
                            .orElseThrow(() -> mismatch("the decoder has no output present.*." + kind + " for every layer"));
                    present.put(KvCache.inputName(i, kind), (OnnxTensor) value);
                }
            }
            result = null;
            return new DecodeStep(scores, new KvCache(present, total));
        } catch (OrtException e) {
            throw runFailure(e, context);
        } finally {
            created.values().forEach(OnnxTensor::close);
            if (result != null) {
                result.close();
            }
        }
    }

    /** The last position's logits and the cache including the positions just run. */
    record DecodeStep(float[] logits, KvCache cache) {
    }

    private RuntimeException runFailure(OrtException e, TaskContext context) {
        if (context.cancellation().isCancelled()) {
            return new CancelledException();
        }
        return new SightlineException(Problem.INTERNAL, MESSAGES.get("vlm.model.runFailed", id, e.getMessage()), e);
    }

    /** Files that do not fit together: the user's folder or download is wrong, not Sightline. */
    private static SightlineException badModel(String detail) {
        return new SightlineException(Problem.BAD_INPUT, MESSAGES.get("vlm.model.mismatch", detail));
    }

    static SightlineException mismatch(String detail) {
        return new SightlineException(Problem.INTERNAL, MESSAGES.get("vlm.model.mismatch", detail));
    }

    /**
     * A session from the models module's one session policy; a file ONNX Runtime cannot load is the user's
     * folder or download, said in this model's words.
     */
    private static OnnxSession openSession(java.nio.file.Path model) {
        try {
            return OnnxModels.open(model, 0);
        } catch (SightlineException e) {
            String detail = e.getCause() instanceof OrtException ort ? ort.getMessage() : e.getMessage();
            throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("vlm.model.cannotLoad", model, detail), e);
        }
    }

    private static Set<String> inputNames(OnnxSession session) {
        return session.use(OrtSession::getInputNames);
    }

    private static int outputVocab(OnnxSession decoder, int declared) {
        return decoder.use(d -> {
            try {
                if (d.getOutputInfo().get("logits").getInfo() instanceof TensorInfo t && t.getShape().length > 0) {
                    long last = t.getShape()[t.getShape().length - 1];
                    return last > 0 ? (int) last : declared;
                }
                return declared;
            } catch (OrtException e) {
                throw badModel(e.getMessage());
            }
        });
    }

    /**
     * Checks at load what the first question would otherwise find out: the inputs and outputs the runner feeds
     * and reads, their element types and the cache dimensions. Returns {@code declared} with the layer count of
     * the decoder graph when {@code config.json} leaves it out.
     */
    private static SmolVlmConfig checkContract(SmolVlmConfig declared, OnnxSession vs, OnnxSession es, OnnxSession ds) {
        return vs.use(v -> es.use(e -> ds.use(d -> checkContract(declared, v, e, d))));
    }

    private static SmolVlmConfig checkContract(SmolVlmConfig declared, OrtSession v, OrtSession e, OrtSession d) {
        try {
            requireInputs(v, "pixel_values", "pixel_attention_mask");
            requireInputs(e, "input_ids");
            requireInputs(d, "inputs_embeds", "attention_mask");
            requireFloat(d.getInputInfo().get("inputs_embeds"), "takes", "embeddings");
            int layers = 0;
            while (d.getInputNames().contains(KvCache.inputName(layers, "key"))) {
                layers++;
            }
            if (layers == 0) {
                throw badModel("the decoder graph has no past_key_values.0.key input");
            }
            if (declared.layers() != 0 && layers != declared.layers()) {
                throw badModel("config.json says " + declared.layers() + " decoder layers, the decoder graph has " + layers);
            }
            SmolVlmConfig config = declared.layers() == 0 ? declared.withLayers(layers) : declared;
            NodeInfo info = d.getInputInfo().get(KvCache.inputName(0, "key"));
            requireFloat(info, "keeps", "key/value cache");
            if (info.getInfo() instanceof TensorInfo t && t.getShape().length == 4) {
                long heads = t.getShape()[1];
                long dim = t.getShape()[3];
                if ((heads > 0 && heads != config.kvHeads()) || (dim > 0 && dim != config.headDim())) {
                    throw badModel("config.json says " + config.kvHeads() + " KV heads of " + config.headDim()
                            + ", the decoder graph has " + heads + " of " + dim);
                }
            }
            Map<String, NodeInfo> outputs = d.getOutputInfo();
            if (!outputs.containsKey("logits")) {
                throw badModel("the decoder has no logits output (it has " + outputs.keySet() + ")");
            }
            requireFloat(outputs.get("logits"), "gives", "logits");
            for (int i = 0; i < layers; i++) {
                for (String kind : new String[] {"key", "value"}) {
                    if (!outputs.containsKey(KvCache.outputName(i, kind))) {
                        throw badModel("the decoder has no output " + KvCache.outputName(i, kind));
                    }
                }
            }
            return config;
        } catch (OrtException ex) {
            throw badModel(ex.getMessage());
        }
    }

    /** Float16 graphs need a float16 cache and logits the runner does not keep; the message names what works. */
    private static void requireFloat(NodeInfo node, String verb, String what) {
        if (node != null && node.getInfo() instanceof TensorInfo t && t.type != OnnxJavaType.FLOAT) {
            throw badModel("the decoder " + verb + " its " + what + " as " + t.type + "; use a variant with float32 "
                    + "inputs and cache (plain, quantized, int8, uint8, q4 or bnb4), not fp16 or q4f16");
        }
    }

    private static void requireInputs(OrtSession s, String... names) {
        for (String n : names) {
            if (!s.getInputNames().contains(n)) {
                throw badModel("a graph lacks the input " + n + " (it has " + s.getInputNames() + ")");
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // Already failing; the first error is the one to report.
            }
        }
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {vision, embed, decoder, tokenizer}) {
            closeQuietly(c);
        }
        encodedViews.clear();
    }
}
