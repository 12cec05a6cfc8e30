package org.sightline.app.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.models.ModelStores;
import org.sightline.task.TaskContext;
import org.sightline.vision.documents.DocumentFiles;
import org.sightline.vision.documents.PageRange;
import org.sightline.vision.documents.export.DocumentFormat;
import org.sightline.vision.image.ImageFiles;
import org.sightline.vision.ocr.OcrListener;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.read.TextReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sightline read IMAGE... [--json] [--out-dir DIR]}: prints the text of each image in reading order,
 * or, given one PDF, multi-page TIFF or folder of page images, reads it page by page ({@link ReadDocument});
 * loading the models once for all of them. With one image and plain text the lines are printed as they are
 * recognised. A file that cannot be read gets one line on stderr and the others are still read; the exit
 * code is then 3.
 */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = {"Read the text in images, in reading order (Chinese and English).",
                "With several images and --out-dir, writes NAME.txt (or NAME.json) for each.",
                "Given a PDF, a multi-page TIFF or a folder of page images, reads it page by page."})
public final class ReadCommand implements Callable<Integer> {

    private static final Messages MESSAGES = new Messages("org.sightline.app.cli.read");

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "PNG, JPEG, BMP or GIF files; or one PDF, "
            + "TIFF or folder of page images.")
    private List<Path> images = new ArrayList<>();

    @Option(names = "--json", description = "Print (or write) JSON: blocks, lines, boxes in image pixels, "
            + "confidence.")
    private boolean json;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Write one file per image into DIR instead "
            + "of printing.")
    private Path outDir;

    @Option(names = "--password", paramLabel = "P", description = "The password of an encrypted PDF.")
    private String password;

    @Option(names = "--pages", paramLabel = "RANGE", description = "Document pages to read: 5, 3-7 or 3- "
            + "(default: all).")
    private String pages;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Document output: txt (default), md, html "
            + "or json.")
    private String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the document to FILE instead of printing.")
    private Path outFile;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (images.size() == 1 && DocumentFiles.isDocument(images.get(0))) {
            DocumentFormat chosen = format != null ? DocumentFormat.parse(format)
                    : json ? DocumentFormat.JSON : DocumentFormat.TXT;
            PageRange range = pages == null ? PageRange.ALL : PageRange.parse(pages);
            return new ReadDocument(images.get(0), password, range, chosen, outFile).run(out, err);
        }
        if (outDir != null) {
            try {
                Files.createDirectories(outDir);
            } catch (IOException e) {
                throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("read.outDir", outDir));
            }
        }
        boolean several = images.size() > 1;
        boolean streamToTerminal = !json && outDir == null && !several;
        int failures = 0;
        List<String> jsonDocs = new ArrayList<>();
        try (TextReader reader = new TextReader(ModelStores.standard())) {
            for (Path file : images) {
                BufferedImage image;
                try {
                    image = ImageFiles.read(file);
                } catch (SightlineException e) {
                    err.println(e.getMessage());
                    err.flush();
                    failures++;
                    continue;
                }
                OcrResult result;
                OcrListener printer = OcrListener.NONE;
                if (streamToTerminal) {
                    printer = (line, at) -> {
                        if (at.startsBlock() && at.block() > 0) {
                            out.println();
                        }
                        out.println(line.text());
                        out.flush();
                    };
                }
                try {
                    result = reader.read(image, printer, TaskContext.none());
                } catch (SightlineException e) {
                    if (e.problem() != Problem.BAD_INPUT) {
                        throw e;
                    }
                    // A blank capture: say so for this file and go on with the others.
                    err.println(several ? file.getFileName() + ": " + e.getMessage() : e.getMessage());
                    err.flush();
                    failures++;
                    continue;
                }
                String name = file.getFileName().toString();
                if (json) {
                    String doc = ReadJson.write(name, result);
                    if (outDir != null) {
                        write(outDir.resolve(baseName(name) + ".json"), doc, out);
                    } else {
                        jsonDocs.add(doc);
                    }
                    continue;
                }
                String text = result.isEmpty() ? MESSAGES.get("read.noText") : result.text();
                if (outDir != null) {
                    write(outDir.resolve(baseName(name) + ".txt"), result.isEmpty() ? "" : text + "\n", out);
                    if (result.isEmpty()) {
                        err.println(name + ": " + MESSAGES.get("read.noText"));
                    }
                } else if (streamToTerminal) {
                    if (result.isEmpty()) {
                        out.println(text);
                    }
                } else {
                    out.println("== " + name + " ==");
                    out.println(text);
                    out.println();
                }
                out.flush();
            }
        }
        if (!jsonDocs.isEmpty()) {
            out.println(several ? "[" + String.join(",\n", jsonDocs) + "]" : jsonDocs.get(0));
            out.flush();
        }
        return failures > 0 ? ExitCode.BAD_INPUT : ExitCode.OK;
    }

    private static void write(Path target, String content, PrintWriter out) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        out.println(MESSAGES.get("read.wrote", target));
    }

    static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
