package org.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.vision.testing.EnglishOfflineStore;
import org.sightline.vision.testing.TestFonts;
import org.sightline.vision.testing.TextPages;

/** {@code sightline read} end to end: real model store (bundled PP-OCR files), real models, real files. */
@ExtendWith(EnglishOfflineStore.class)
class ReadCommandTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path page(String name, String... lines) throws Exception {
        return TextPages.png(dir.resolve(name), 640, 18, lines);
    }

    @Test
    void printsTheTextOfOneImage() throws Exception {
        Path image = page("note.png", "Meeting moved to Thursday", "Bring the printed agenda");
        CliRun r = run("read", image.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("Meeting moved to Thursday\nBring the printed agenda\n");
    }

    @Test
    void writesOneFilePerImageAndReportsBadFilesOnOneLineEach() throws Exception {
        Path a = page("first.png", "First page of the letter");
        Path b = page("second.png", "Second page of the letter");
        Path notImage = dir.resolve("notes.png");
        Files.writeString(notImage, "this is text, not a picture");
        Path blank = dir.resolve("blank.png");
        ImageIO.write(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB), "png", blank.toFile());
        Path outDir = dir.resolve("out");

        CliRun r = run("read", "--out-dir", outDir.toString(), a.toString(), notImage.toString(), b.toString(),
                blank.toString());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(Files.readString(outDir.resolve("first.txt"))).isEqualTo("First page of the letter\n");
        assertThat(Files.readString(outDir.resolve("second.txt"))).isEqualTo("Second page of the letter\n");
        assertThat(r.err().lines().toList()).containsExactly(
                notImage + " is neither an image nor a document Sightline can open. Use a PDF, a TIFF, or a PNG, JPEG,"
                        + " GIF or BMP image.",
                "blank.png: The capture is blank; is a screen curtain on?");
    }

    @Test
    void jsonHasBlocksLinesBoxesAndConfidence() throws Exception {
        Path image = page("form.png", "Name and address");
        CliRun r = run("read", "--json", image.toString());
        assertThat(r.exit()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode line = root.get("blocks").get(0).get("lines").get(0);
        assertThat(line.get("text").asText()).isEqualTo("Name and address");
        assertThat(line.get("confidence").asDouble()).isBetween(0.8, 1.0);
        assertThat(line.get("box").get("x").asInt()).isBetween(5, 25);
        assertThat(line.get("box").get("width").asInt()).isBetween(120, 260);
        assertThat(root.get("width").asInt()).isEqualTo(640);
    }

    @Test
    void jsonMarksTheLinesThatAreHeadingsWithTheirLevel() throws Exception {
        BufferedImage img = new BufferedImage(900, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 900, 360);
        g.setColor(Color.BLACK);
        g.setFont(TestFonts.sans(Font.BOLD, 40));
        g.drawString("Opening hours", 40, 70);
        g.setFont(TestFonts.sans(Font.PLAIN, 18));
        String[] body = {"The library is open every day from nine in the morning to six in the evening.",
            "On public holidays the doors close at noon, and the reading room stays shut.",
            "Books can be returned at any hour through the slot beside the main entrance."};
        for (int i = 0; i < body.length; i++) {
            g.drawString(body[i], 40, 140 + i * 34);
        }
        g.dispose();
        Path file = dir.resolve("hours.png");
        ImageIO.write(img, "png", file.toFile());

        CliRun r = run("read", "--json", file.toString());

        assertThat(r.exit()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        new ObjectMapper().readTree(r.out()).get("blocks").forEach(b -> b.get("lines").forEach(lines::add));
        assertThat(lines).hasSize(1 + body.length);
        assertThat(lines.get(0).get("text").asText()).isEqualTo("Opening hours");
        assertThat(lines.get(0).path("heading").asBoolean()).isTrue();
        assertThat(lines.get(0).path("headingLevel").asInt()).isBetween(1, 3);
        assertThat(lines.subList(1, lines.size())).noneMatch(l -> l.has("heading") || l.has("headingLevel"));
    }

    @Test
    void aSidebarAndTheContentBesideItAreEachReadInOnePiece() throws Exception {
        BufferedImage img = new BufferedImage(1100, 640, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1100, 640);
        g.setColor(new Color(0x33, 0x3d, 0x47));
        g.fillRect(0, 0, 240, 640);
        g.setFont(TestFonts.sans(Font.PLAIN, 16));
        String[] links = {"Assertion testing", "Async hooks", "Buffer", "Child processes", "Cluster", "Console",
            "Crypto", "Debugger", "DNS", "Events", "File system", "Globals"};
        g.setColor(Color.WHITE);
        for (int i = 0; i < links.length; i++) {
            g.drawString(links[i], 24, 44 + i * 44);
        }
        String[] content = {"The assert module provides a set of assertion functions for verifying",
            "invariants. Strict assertion mode uses the strict equality comparison for",
            "every function, and legacy mode uses the abstract equality comparison.",
            "In strict mode, error messages for objects show a difference of the two",
            "values, which makes a failed comparison easier to read and to correct.",
            "Calling the module function with a falsy value throws an assertion error",
            "with the message given, or a default message when none was passed in.",
            "Deep equality compares own enumerable properties one level after another."};
        g.setColor(Color.BLACK);
        for (int i = 0; i < content.length; i++) {
            g.drawString(content[i], 280, 50 + i * 30);
        }
        g.dispose();
        Path file = dir.resolve("two-panes.png");
        ImageIO.write(img, "png", file.toFile());

        CliRun r = run("read", "--json", file.toString());

        assertThat(r.exit()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("regions")).extracting(n -> n.get("kind").asText())
                .containsExactly("navigation", "main");
        StringBuilder kinds = new StringBuilder();
        for (JsonNode block : root.get("blocks")) {
            for (JsonNode line : block.get("lines")) {
                kinds.append(line.get("regionKind").asText().charAt(0));
                assertThat(line.get("region").asInt()).isEqualTo(line.get("regionKind").asText().equals("main") ? 1 : 0);
            }
        }
        // Every sidebar line, then every content line: never interleaved.
        assertThat(kinds.toString()).isEqualTo("n".repeat(links.length) + "m".repeat(content.length));
    }

    @Test
    void saysSoWhenThereIsNoText() throws Exception {
        BufferedImage img = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillOval(50, 50, 120, 90);
        g.dispose();
        Path file = dir.resolve("shape.png");
        ImageIO.write(img, "png", file.toFile());
        CliRun r = run("read", file.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("No text found.\n");
    }
}
