package org.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.vision.testing.TestFonts;

class ElementsCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsTheMapAsJsonWithTypeLabelBoxAndConfidence() throws Exception {
        BufferedImage page = new BufferedImage(640, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 640, 240);
        g.setColor(Color.DARK_GRAY);
        g.setFont(TestFonts.sans(Font.BOLD, 34));
        g.drawString("Welcome back", 40, 60);
        g.setFont(TestFonts.sans(Font.PLAIN, 17));
        g.drawString("Your order has been sent and will arrive soon.", 40, 110);
        g.setColor(new Color(0x1a, 0x73, 0xe8));
        g.fillRoundRect(40, 150, 160, 44, 10, 10);
        g.setColor(Color.WHITE);
        g.setFont(TestFonts.sans(Font.BOLD, 18));
        g.drawString("Continue", 80, 178);
        g.dispose();
        Path file = dir.resolve("page.png");
        ImageIO.write(page, "png", file.toFile());

        assertThat(run("elements", file.toString(), "--json")).isEqualTo(0);
        JsonNode root = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        JsonNode elements = root.get("elements");
        assertThat(elements.size()).isGreaterThanOrEqualTo(3);
        assertThat(elements.get(0).get("type").asText()).isEqualTo("heading");
        assertThat(elements.get(0).get("label").asText()).isEqualTo("Welcome back");
        assertThat(elements.get(0).path("headingLevel").asInt()).isBetween(1, 3);
        JsonNode button = elements.get(elements.size() - 1);
        assertThat(button.get("type").asText()).isEqualTo("button");
        assertThat(button.get("label").asText()).isEqualTo("Continue");
        assertThat(button.get("box").get("x").asInt()).isBetween(38, 42);
        assertThat(button.get("box").get("width").asInt()).isBetween(156, 164);
        assertThat(button.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(button.has("headingLevel")).isFalse();
        assertThat(button.has("state")).isFalse();
        assertThat(button.get("region").asInt()).isZero();
        assertThat(button.get("regionKind").asText()).isEqualTo("main");
        assertThat(root.get("regions")).hasSize(1);
    }

    @Test
    void aBadFileIsOneLineAndExitCodeThree() throws Exception {
        Path bad = dir.resolve("notes.png");
        Files.writeString(bad, "not a picture");
        assertThat(run("elements", bad.toString())).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).doesNotContain("\n").contains("notes.png");
        assertThat(run("elements", dir.resolve("missing.png").toString())).isEqualTo(3);
    }

    @Test
    void aBlankCaptureIsReportedAsBlank() throws Exception {
        Path blank = dir.resolve("blank.png");
        ImageIO.write(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB), "png", blank.toFile());
        assertThat(run("elements", blank.toString())).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("The capture is blank; is a screen curtain on?");
    }
}
