package org.sightline.app.cli;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sightline.i18n.Messages;
import org.sightline.models.ModelStores;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.elements.Element;
import org.sightline.vision.elements.ElementFinder;
import org.sightline.vision.elements.ElementMap;
import org.sightline.vision.image.ImageFiles;
import org.sightline.vision.read.TextReader;
import picocli.CommandLine.Command;
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

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BufferedImage picture = ImageFiles.read(image);
        ElementFinder.requireNotBlank(picture);
        Capture capture = Capture.ofImage(picture, CaptureSource.FILE, image.getFileName().toString());
        ElementMap map;
        try (TextReader reader = new TextReader(ModelStores.standard())) {
            map = new ElementFinder(reader.engine(TaskContext.none())).find(capture, TaskContext.none());
        }
        if (json) {
            out.println(ElementsJson.write(image.getFileName().toString(), map));
        } else if (map.isEmpty()) {
            out.println(MESSAGES.get("elements.none"));
        } else {
            for (Element e : map.elements()) {
                Rectangle b = e.box();
                out.println(String.format("%-9s %s  at %d,%d %dx%d", e.type().jsonName(),
                        e.label().isEmpty() ? "-" : "\"" + e.label() + "\"", b.x, b.y, b.width, b.height));
            }
        }
        out.flush();
        return ExitCode.OK;
    }
}
