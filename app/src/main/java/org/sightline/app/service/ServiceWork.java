package org.sightline.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Rectangle;
import java.nio.file.Path;
import org.sightline.app.cli.ElementsJson;
import org.sightline.app.cli.ReadJson;
import org.sightline.app.cli.RegionsJson;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.task.CancellationToken;
import org.sightline.task.CancelledException;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.Captures;
import org.sightline.vision.elements.ElementFinder;
import org.sightline.vision.elements.ElementMap;
import org.sightline.vision.elements.LineHeadings;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.read.TextReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the service does for a request, with models that stay loaded between requests: {@code read} streams
 * each line as it is recognised and ends with the whole reading; {@code elements} ends with the element map.
 * Both take their picture from an image file, the screen, the active window or a rectangle of the screen, in
 * the same JSON forms {@code sightline read --json} and {@code sightline elements --json} print.
 */
public final class ServiceWork implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceWork.class);
    private static final Messages MESSAGES = new Messages("org.sightline.app.service.service");

    /** Where a request's events go; false once the client is gone. */
    @FunctionalInterface
    interface Events {
        boolean send(ObjectNode event);
    }

    private final TextReader reader;
    private ElementFinder finder;

    /** Work done with {@code reader}, which the service closes when it stops. */
    public ServiceWork(TextReader reader) {
        this.reader = reader;
    }

    /** Runs one request on the calling (worker) thread and ends it with done, error or cancelled. */
    void run(String id, JsonNode request, Events events, CancellationToken token) {
        TaskContext context = TaskContext.of(token, p -> { });
        try {
            Capture capture = capture(request);
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
                default -> throw new IllegalStateException("not an operation with work: " + request);
            }
            events.send(done);
        } catch (CancelledException e) {
            events.send(ServiceProtocol.event(id, "cancelled"));
        } catch (BadRequest e) {
            events.send(ServiceProtocol.error(id, "bad_request", e.getMessage()));
        } catch (SightlineException e) {
            events.send(ServiceProtocol.error(id, ServiceProtocol.code(e.problem()), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("The service failed on request {}", id, e);
            events.send(ServiceProtocol.error(id, ServiceProtocol.code(Problem.INTERNAL),
                    MESSAGES.get("request.internal", e.getMessage() == null ? e.getClass().getSimpleName()
                            : e.getMessage())));
        }
    }

    private ElementFinder finder() {
        if (finder == null) {
            finder = new ElementFinder(reader.engine(TaskContext.none()));
        }
        return finder;
    }

    /** The picture a request names: {@code source} is file (with {@code path}), screen, window or rect. */
    private static Capture capture(JsonNode request) {
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

    @Override
    public void close() {
        reader.close();
    }

    /** A request whose fields are wrong, told to the client as it is. */
    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }
}
