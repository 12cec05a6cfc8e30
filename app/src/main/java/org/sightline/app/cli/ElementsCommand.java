package org.sightline.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sightline.app.service.ServiceClient;
import org.sightline.i18n.Messages;
import org.sightline.models.ModelStores;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.elements.ElementFinder;
import org.sightline.vision.elements.ElementMap;
import org.sightline.vision.image.ImageFiles;
import org.sightline.vision.read.TextReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sightline elements IMAGE [--json]}: prints the element map of a screenshot in reading order, one
 * element a line ({@code heading  "Welcome"  at 20,30 400x40}), or as JSON. A bad file or a blank image is
 * one line on stderr and exit code 3 (through {@link org.sightline.error.SightlineException}).
 */
@Command(name = "elements", mixinStandardHelpOptions = true,
        description = "List the headings, links, buttons, fields, checkboxes, radio buttons and images seen in a "
                + "screenshot, in reading order.")
public final class ElementsCommand implements Callable<Integer> {

    private static final Messages MESSAGES = new Messages("org.sightline.app.cli.elements");

    @Parameters(index = "0", paramLabel = "IMAGE", description = "A screenshot: PNG, JPEG, BMP or GIF.")
    private Path image;

    @Option(names = "--json", description = "Print JSON: an object with an elements list, each with type, label, "
            + "box {x, y, width, height} in image pixels and confidence.")
    private boolean json;

    @Mixin
    private ServiceOptions service;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        JsonNode map = map();
        JsonNode elements = map.get("elements");
        if (json) {
            out.println(ElementsJson.write(map));
        } else if (elements.isEmpty()) {
            out.println(MESSAGES.get("elements.none"));
        } else {
            for (JsonNode e : elements) {
                JsonNode b = e.get("box");
                String label = e.get("label").asText();
                String type = e.get("type").asText() + (e.path("link").asBoolean(false) ? ", link" : "");
                String state = e.has("state") ? ", " + e.get("state").asText().replace('-', ' ') : "";
                out.println(String.format("%-9s %s%s  at %d,%d %dx%d", type,
                        label.isEmpty() ? "-" : "\"" + label + "\"", state, b.get("x").asInt(), b.get("y").asInt(),
                        b.get("width").asInt(), b.get("height").asInt()));
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    /** The element map in its JSON form, from the running service or found here. */
    private JsonNode map() {
        Optional<ServiceClient> client = service.client();
        if (client.isPresent()) {
            try (ServiceClient c = client.get()) {
                ObjectNode request = c.request("elements");
                request.put("source", "file");
                request.put("path", image.toAbsolutePath().toString());
                return c.send(request, event -> { }).get("result");
            }
        }
        BufferedImage picture = ImageFiles.read(image);
        ElementFinder.requireNotBlank(picture);
        Capture capture = Capture.ofImage(picture, CaptureSource.FILE, image.getFileName().toString());
        try (TextReader reader = new TextReader(ModelStores.standard())) {
            ElementMap map = new ElementFinder(reader.engine(TaskContext.none())).find(capture, TaskContext.none());
            return ElementsJson.tree(image.getFileName().toString(), map);
        }
    }
}
