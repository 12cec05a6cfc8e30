package org.sightline.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Rectangle;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sightline.app.cli.ElementsJson;
import org.sightline.app.cli.LiveLineJson;
import org.sightline.app.cli.ReadJson;
import org.sightline.app.cli.RegionsJson;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.models.CatalogModelStore;
import org.sightline.task.CancellationToken;
import org.sightline.task.CancelledException;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.Captures;
import org.sightline.vision.describe.Describer;
import org.sightline.vision.describe.Description;
import org.sightline.vision.documents.DocumentFiles;
import org.sightline.vision.documents.DocumentLine;
import org.sightline.vision.documents.DocumentListener;
import org.sightline.vision.documents.DocumentPage;
import org.sightline.vision.documents.DocumentReader;
import org.sightline.vision.documents.PageRange;
import org.sightline.vision.documents.PageSource;
import org.sightline.vision.documents.export.DocumentFormat;
import org.sightline.vision.documents.export.DocumentWriter;
import org.sightline.vision.elements.ElementFinder;
import org.sightline.vision.elements.ElementMap;
import org.sightline.vision.elements.LineHeadings;
import org.sightline.vision.live.FrameSource;
import org.sightline.vision.live.LinePolicy;
import org.sightline.vision.live.LiveLine;
import org.sightline.vision.live.ScreenFrames;
import org.sightline.vision.live.StopReason;
import org.sightline.vision.live.WatchListener;
import org.sightline.vision.live.WatchSettings;
import org.sightline.vision.live.Watcher;
import org.sightline.vision.ocr.OcrEngine;
import org.sightline.vision.ocr.OcrListener;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.read.TextReader;
import org.sightline.vision.vlm.BackendChoice;
import org.sightline.vision.vlm.Detail;
import org.sightline.vision.vlm.GenerationSettings;
import org.sightline.vision.vlm.Question;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the service does for a request, with models that stay loaded between requests: {@code read} streams
 * each line as it is recognised and ends with the whole reading; {@code elements} ends with the element map;
 * {@code describe} streams the answer about the picture and ends with it, its caution and hints.
 * Both take their picture from an image file, the screen, the active window or a rectangle of the screen, in
 * the same JSON forms {@code sightline read --json} and {@code sightline elements --json} print.
 * {@code watch} follows the screen, the active window or a rectangle on a thread of its own, streaming each
 * new line until it is cancelled, so the worker stays free for other requests meanwhile.
 */
public final class ServiceWork implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceWork.class);
    private static final Messages MESSAGES = new Messages("org.sightline.app.service.service");
    /** What a watch can follow: the screen and its parts (a file or the last picture never change). */
    private static final List<String> WATCH_SOURCES = List.of("screen", "window", "rect");
    /** How long stopping waits for a watch to finish the frame it is reading. */
    private static final Duration WATCH_STOP = Duration.ofSeconds(5);

    /** Where a request's events go; false once the client is gone. */
    @FunctionalInterface
    interface Events {
        boolean send(ObjectNode event);
    }

    /**
     * What one connection has looked at: its last picture, so that {@code source: "last"} asks a follow-up
     * question about the picture just described, as the conversation in the app does.
     */
    static final class Session {
        private Capture last;
    }

    private final TextReader reader;
    private final Describer describer;
    /** Whether the reader and describer are this work's to close: not when they are the desktop app's. */
    private final boolean ownsModels;
    private final Set<Watcher> watches = ConcurrentHashMap.newKeySet();
    private ElementFinder finder;

    /** Work done with {@code reader} and models from {@code store}; the service closes them when it stops. */
    public ServiceWork(CatalogModelStore store, TextReader reader) {
        this(reader, new Describer(store, reader), true);
    }

    private ServiceWork(TextReader reader, Describer describer, boolean ownsModels) {
        this.reader = reader;
        this.describer = describer;
        this.ownsModels = ownsModels;
    }

    /**
     * Work done with the desktop app's own reader and describer, so that the app and the service load the models
     * once between them. The app keeps them: stopping the service leaves them open.
     */
    public static ServiceWork sharing(TextReader reader, Describer describer) {
        return new ServiceWork(reader, describer, false);
    }

    /** Runs one request on the calling (worker) thread and ends it with done, error or cancelled. */
    void run(String id, JsonNode request, Session session, Events events, CancellationToken token) {
        TaskContext context = TaskContext.of(token, p -> { });
        try {
            Optional<Path> document = document(request);
            if (document.isPresent()) {
                events.send(readDocument(id, document.get(), request, events, context));
                return;
            }
            Capture capture = capture(request, session);
            session.last = capture;
            ObjectNode done = ServiceProtocol.event(id, "done");
            String name = capture.description();
            switch (ServiceProtocol.text(request, "op")) {
                case "read" -> {
                    OcrResult result = reader.read(capture.image(), (line, at) -> {
                        ObjectNode event = ServiceProtocol.event(id, "line");
                        event.put("text", line.text());
                        RegionsJson.box(event, line.box());
                        event.put("index", at.index());
                        event.put("block", at.block());
                        event.put("startsBlock", at.startsBlock());
                        if (!events.send(event)) {
                            token.cancel();
                        }
                    }, context);
                    token.throwIfCancelled();
                    done.set("result", ReadJson.tree(name, result, LineHeadings.of(
                            ElementFinder.analyse(capture, result, context), result)));
                }
                case "elements" -> {
                    ElementFinder.requireNotBlank(capture.image());
                    ElementMap map = finder().find(capture, context);
                    token.throwIfCancelled();
                    done.set("result", ElementsJson.tree(name, map));
                }
                case "describe" -> done.set("result", describe(id, request, capture, events, context));
                default -> throw new IllegalStateException("not an operation with work: " + request);
            }
            events.send(done);
        } catch (RuntimeException e) {
            events.send(ending(id, e));
        }
    }

    /** The event that ends request {@code id} after {@code e}: cancelled, or an error with its code and sentence. */
    private static ObjectNode ending(String id, RuntimeException e) {
        if (e instanceof CancelledException) {
            return ServiceProtocol.event(id, "cancelled");
        }
        if (e instanceof BadRequest) {
            return ServiceProtocol.error(id, "bad_request", e.getMessage());
        }
        if (e instanceof SightlineException s) {
            return ServiceProtocol.error(id, ServiceProtocol.code(s.problem()), s.getMessage());
        }
        LOG.error("The service failed on request {}", id, e);
        return ServiceProtocol.error(id, ServiceProtocol.code(Problem.INTERNAL),
                MESSAGES.get("request.internal", e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage()));
    }

    /**
     * Starts watching what {@code request} names (the screen, the active window or a rectangle) and returns at
     * once: the watch runs on a thread of its own, sending each new line as a {@code change} event and what it
     * says about itself ("Watching ...", a raised interval) as {@code notice} events. It ends with
     * {@code cancelled} when {@code token} is cancelled (a cancel request, the client gone, the service
     * stopping), or with {@code error} when it cannot go on (the window closed, the display gone); {@code ended}
     * runs just before that last event.
     *
     * @return true when the watch started; false when the request has already ended with its error
     */
    boolean watch(String id, JsonNode request, Events events, CancellationToken token, Runnable ended) {
        FrameSource source = null;
        try {
            WatchSettings settings = watchSettings(request);
            String kind = ServiceProtocol.text(request, "source");
            if (kind == null || !WATCH_SOURCES.contains(kind)) {
                throw new BadRequest(MESSAGES.get("watch.source", kind == null ? "none" : kind));
            }
            Rectangle rect = "rect".equals(kind) ? rectangle(request.get("rect")) : null;
            Captures.requireDisplay();
            source = switch (kind) {
                case "screen" -> ScreenFrames.screen();
                case "window" -> ScreenFrames.window(Captures.rememberActiveWindow());
                default -> ScreenFrames.region(rect);
            };
            OcrEngine engine = reader.engine(TaskContext.of(token, p -> { }));
            token.throwIfCancelled();
            Watcher watcher = Watcher.start(source, engine, settings, new WatchEvents(id, events, ended));
            watches.add(watcher);
            token.onCancel(watcher::stop);
            return true;
        } catch (RuntimeException e) {
            if (source != null) {
                source.close();
            }
            events.send(ending(id, e));
            return false;
        }
    }

    /** How often to look ({@code interval}, in milliseconds) and whether new lines cut off stale ones. */
    private static WatchSettings watchSettings(JsonNode request) {
        JsonNode interval = request.get("interval");
        if (interval != null && (!interval.canConvertToInt() || interval.asInt() < 1)) {
            throw new BadRequest(MESSAGES.get("watch.interval"));
        }
        JsonNode latestFirst = request.get("latestFirst");
        if (latestFirst != null && !latestFirst.isBoolean()) {
            throw new BadRequest(MESSAGES.get("watch.latestFirst"));
        }
        return new WatchSettings(interval == null ? WatchSettings.DEFAULT_INTERVAL
                : Duration.ofMillis(interval.asInt()),
                latestFirst != null && latestFirst.asBoolean() ? LinePolicy.LATEST_FIRST : LinePolicy.QUEUE);
    }

    /** One watch's lines and sentences as the request's events; its end as the request's last event. */
    private final class WatchEvents implements WatchListener {

        private final String id;
        private final Events events;
        private final Runnable ended;

        WatchEvents(String id, Events events, Runnable ended) {
            this.id = id;
            this.events = events;
            this.ended = ended;
        }

        @Override
        public void onLine(LiveLine line) {
            events.send(LiveLineJson.put(ServiceProtocol.event(id, "change"), line));
        }

        @Override
        public void onNotice(String sentence) {
            ObjectNode notice = ServiceProtocol.event(id, "notice");
            notice.put("text", sentence);
            events.send(notice);
        }

        @Override
        public void onStopped(StopReason reason) {
            watches.removeIf(w -> !w.isRunning());
            ended.run();
            events.send(reason.byUserChoice() ? ServiceProtocol.event(id, "cancelled")
                    : ServiceProtocol.error(id, ServiceProtocol.code(reason.problem()), reason.message()));
        }
    }

    /**
     * Describes the picture or answers {@code question} about it, streaming the answer as {@code text} events and
     * what must be said before it ({@code notice}: an image about to leave the computer, a conversation started
     * again) as it happens. Without a description model the answer is the summary of the text and layout, with
     * the download hint, as in the app.
     */
    private ObjectNode describe(String id, JsonNode request, Capture capture, Events events, TaskContext context) {
        Optional<String> blank = describer.blank(capture);
        if (blank.isPresent()) {
            throw new SightlineException(Problem.BAD_INPUT, blank.get());
        }
        String asked = ServiceProtocol.text(request, "question");
        String folder = ServiceProtocol.text(request, "modelDir");
        BackendChoice choice = folder != null ? BackendChoice.folder(Path.of(folder)) : BackendChoice.installedModel();
        Question question = asked != null ? Question.of(asked) : Question.shortDescription();
        Describer.Listener listener = Describer.Listener.of(piece -> {
            ObjectNode text = ServiceProtocol.event(id, "text");
            text.put("text", piece);
            if (!events.send(text)) {
                context.cancellation().cancel();
            }
        }, statement -> {
            ObjectNode notice = ServiceProtocol.event(id, "notice");
            notice.put("text", statement);
            events.send(notice);
        });
        JsonNode maxTokens = request.get("maxTokens");
        if (maxTokens != null) {
            if (!maxTokens.canConvertToInt() || maxTokens.asInt() < 1) {
                throw new BadRequest(MESSAGES.get("describe.maxTokens"));
            }
            choice = choice.withGeneration(GenerationSettings.defaults().withMaxNewTokens(maxTokens.asInt()));
        }
        Description said = describer.describe(choice.withDetail(detail(request)),
                new Describer.Request(capture, question, asked != null, null), listener, context);
        context.cancellation().throwIfCancelled();
        ObjectNode result = ServiceProtocol.JSON.createObjectNode();
        result.put("kind", said.kind().name().toLowerCase(Locale.ROOT));
        result.put("text", said.text());
        said.caution().ifPresent(c -> result.put("caution", c));
        said.downloadHint().ifPresent(h -> result.put("downloadHint", h));
        said.closerLook().ifPresent(c -> result.put("closerLook", c));
        return result;
    }

    private static Detail detail(JsonNode request) {
        String detail = ServiceProtocol.text(request, "detail");
        if (detail == null) {
            return Detail.ADAPTIVE;
        }
        return switch (detail) {
            case "fast" -> Detail.FAST;
            case "adaptive" -> Detail.ADAPTIVE;
            case "full" -> Detail.FULL;
            default -> throw new BadRequest(MESSAGES.get("describe.detail", detail));
        };
    }

    private ElementFinder finder() {
        if (finder == null) {
            finder = new ElementFinder(reader.engine(TaskContext.none()));
        }
        return finder;
    }

    /** The PDF, multi-page TIFF or folder of page images a {@code read} of a file names, if it names one. */
    private static Optional<Path> document(JsonNode request) {
        if (!"read".equals(ServiceProtocol.text(request, "op")) || !"file".equals(ServiceProtocol.text(request, "source"))) {
            return Optional.empty();
        }
        String path = ServiceProtocol.text(request, "path");
        if (path == null || !Path.of(path).isAbsolute()) {
            throw new BadRequest(MESSAGES.get("source.path"));
        }
        return DocumentFiles.isDocument(Path.of(path)) ? Optional.of(Path.of(path)) : Optional.empty();
    }

    /**
     * Reads a document page by page with the warm recogniser, streaming each page's lines as {@code line} events
     * with their page number (a page that cannot be read is a {@code pageFailed} event, and the others are still
     * read); the {@code done} event carries what {@code read --json} prints for the document.
     */
    private ObjectNode readDocument(String id, Path file, JsonNode request, Events events, TaskContext context) {
        String pages = ServiceProtocol.text(request, "pages");
        PageRange range = pages == null ? PageRange.ALL : PageRange.parse(pages);
        StringWriter json = new StringWriter();
        DocumentWriter output = DocumentFormat.JSON.writer(json, file.getFileName().toString());
        try (PageSource source = DocumentFiles.open(file, ServiceProtocol.text(request, "password"))) {
            DocumentReader documents = new DocumentReader(
                    (image, ctx) -> reader.read(image, OcrListener.NONE, ctx));
            documents.read(source, range, new DocumentListener() {
                @Override
                public void onStart(int pageCount, int selected) {
                    output.onStart(pageCount, selected);
                }

                @Override
                public void onPage(DocumentPage page) {
                    output.onPage(page);
                    int index = 0;
                    for (int b = 0; b < page.blocks().size(); b++) {
                        for (DocumentLine line : page.blocks().get(b).lines()) {
                            ObjectNode event = ServiceProtocol.event(id, "line");
                            event.put("text", line.text());
                            event.put("page", page.number());
                            event.put("index", index++);
                            event.put("block", b);
                            if (!events.send(event)) {
                                context.cancellation().cancel();
                            }
                        }
                    }
                }

                @Override
                public void onPageFailed(int number, String message) {
                    output.onPageFailed(number, message);
                    ObjectNode event = ServiceProtocol.event(id, "pageFailed");
                    event.put("page", number);
                    event.put("message", message);
                    events.send(event);
                }
            }, context);
        }
        context.cancellation().throwIfCancelled();
        output.finish();
        ObjectNode done = ServiceProtocol.event(id, "done");
        try {
            done.set("result", ServiceProtocol.JSON.readTree(json.toString()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the document's JSON did not read back", e);
        }
        return done;
    }

    /**
     * The picture a request names: {@code source} is file (with {@code path}), screen, window, rect, or last (the
     * connection's previous picture).
     */
    private static Capture capture(JsonNode request, Session session) {
        String source = ServiceProtocol.text(request, "source");
        if (source == null) {
            throw new BadRequest(MESSAGES.get("source.missing"));
        }
        return switch (source) {
            case "file" -> {
                String path = ServiceProtocol.text(request, "path");
                if (path == null || !Path.of(path).isAbsolute()) {
                    throw new BadRequest(MESSAGES.get("source.path"));
                }
                yield Captures.file(Path.of(path));
            }
            case "screen" -> Captures.screen();
            case "window" -> Captures.activeWindow();
            case "rect" -> Captures.region(rectangle(request.get("rect")));
            case "last" -> {
                if (session.last == null) {
                    throw new BadRequest(MESSAGES.get("source.noLast"));
                }
                yield session.last;
            }
            default -> throw new BadRequest(MESSAGES.get("source.unknown", source));
        };
    }

    private static Rectangle rectangle(JsonNode rect) {
        if (rect == null || !rect.isObject()) {
            throw new BadRequest(MESSAGES.get("source.rect"));
        }
        int[] v = new int[4];
        String[] fields = {"x", "y", "width", "height"};
        for (int i = 0; i < fields.length; i++) {
            JsonNode n = rect.get(fields[i]);
            if (n == null || !n.canConvertToInt()) {
                throw new BadRequest(MESSAGES.get("source.rect"));
            }
            v[i] = n.asInt();
        }
        if (v[2] <= 0 || v[3] <= 0) {
            throw new BadRequest(MESSAGES.get("source.rect"));
        }
        return new Rectangle(v[0], v[1], v[2], v[3]);
    }

    /**
     * Stops every watch and waits for it to let go of the recogniser; then closes the models, when they are this
     * work's own.
     */
    @Override
    public void close() {
        for (Watcher watcher : watches) {
            watcher.stop();
        }
        for (Watcher watcher : watches) {
            try {
                if (!watcher.awaitStop(WATCH_STOP)) {
                    LOG.warn("A watch did not stop within {}", WATCH_STOP);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        watches.clear();
        if (ownsModels) {
            describer.close();
            reader.close();
        }
    }

    /** How many watches run now; for tests. */
    int watchCount() {
        watches.removeIf(w -> !w.isRunning());
        return watches.size();
    }

    /** A request whose fields are wrong, told to the client as it is. */
    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }
}
