package org.sightline.vision.elements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.ocr.TextBlock;
import org.sightline.vision.ocr.TextLine;

/**
 * The Java input pipeline and the shipped graph give what the training script gave: for pages of the corpus's
 * training packages, {@code vision/scripts/text-roles/golden.py} wrote the geometry numbers, probes of the
 * crops and the network's probabilities; here the same are computed from the same PNG.
 */
class TextRoleModelTest {

    static final String CORPUS = "corpus/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One fixture: the page, the boxes and texts of all its segments, and what Python computed. */
    record Golden(BufferedImage image, List<Rectangle> boxes, List<String> texts, List<String> roles, JsonNode node) {

        static Golden read(String name) throws IOException {
            JsonNode node;
            try (InputStream in = TextRoleModelTest.class.getResourceAsStream(CORPUS + name + ".json")) {
                node = JSON.readTree(in);
            }
            BufferedImage image;
            try (InputStream in = TextRoleModelTest.class.getResourceAsStream(CORPUS + name + ".png")) {
                image = ImageIO.read(in);
            }
            List<Rectangle> boxes = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            List<String> roles = new ArrayList<>();
            for (JsonNode s : node.get("all")) {
                JsonNode b = s.get("box");
                boxes.add(new Rectangle(b.get(0).asInt(), b.get(1).asInt(), b.get(2).asInt(), b.get(3).asInt()));
                texts.add(s.get("text").asText());
                roles.add(s.get("role").asText());
            }
            return new Golden(image, boxes, texts, roles, node);
        }

        /** The boxes shrunk to their ink, as the model's input does. */
        List<Rectangle> inkBoxes() {
            Pixels pixels = new Pixels(image);
            return boxes.stream().map(b -> TextRoleInput.inkBox(pixels, b)).toList();
        }

        List<Integer> kept() {
            List<Integer> kept = new ArrayList<>();
            node.get("kept").forEach(k -> kept.add(k.asInt()));
            return kept;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"python-attr-doc-007-0", "python-pytest-doc-013-0"})
    void inkBoxesMatchTheTrainingScript(String page) throws IOException {
        Golden g = Golden.read(page);
        List<Rectangle> ink = g.inkBoxes();
        for (int i = 0; i < ink.size(); i++) {
            JsonNode b = g.node().get("inkBoxes").get(i);
            assertThat(ink.get(i)).as("ink box of segment %d", i)
                    .isEqualTo(new Rectangle(b.get(0).asInt(), b.get(1).asInt(), b.get(2).asInt(), b.get(3).asInt()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"python-attr-doc-007-0", "python-pytest-doc-013-0"})
    void geometryNumbersMatchTheTrainingScript(String page) throws IOException {
        Golden g = Golden.read(page);
        float[] features = TextRoleInput.features(g.inkBoxes(), g.texts(), g.image().getWidth(), g.image().getHeight());
        List<Integer> kept = g.kept();
        for (int i = 0; i < kept.size(); i++) {
            JsonNode expected = g.node().get("features").get(i);
            for (int f = 0; f < TextRoleInput.FEATURES; f++) {
                assertThat(features[kept.get(i) * TextRoleInput.FEATURES + f])
                        .as("segment %d feature %d", kept.get(i), f)
                        .isCloseTo((float) expected.get(f).asDouble(), within(1e-5f));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"python-attr-doc-007-0", "python-pytest-doc-013-0"})
    void cropsMatchTheTrainingScript(String page) throws IOException {
        Golden g = Golden.read(page);
        Pixels pixels = new Pixels(g.image());
        List<Integer> kept = g.kept();
        float[] crop = new float[TextRoleInput.CROP_SIZE];
        int plane = TextRoleInput.HEIGHT * TextRoleInput.WIDTH;
        for (int i = 0; i < kept.size(); i++) {
            Arrays.fill(crop, 0f);
            TextRoleInput.crop(pixels, g.inkBoxes().get(kept.get(i)), crop, 0);
            double sum = 0;
            for (float v : crop) {
                sum += v;
            }
            assertThat(sum).as("sum of crop %d", i).isCloseTo(g.node().get("cropSums").get(i).asDouble(),
                    within(1e-2));
            JsonNode probes = g.node().get("probes");
            for (int p = 0; p < probes.size(); p++) {
                JsonNode at = probes.get(p);
                int index = at.get(0).asInt() * plane + at.get(1).asInt() * TextRoleInput.WIDTH + at.get(2).asInt();
                assertThat(crop[index]).as("crop %d probe %d", i, p)
                        .isCloseTo((float) g.node().get("probeValues").get(i).get(p).asDouble(), within(1e-5f));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"python-attr-doc-007-0", "python-pytest-doc-013-0"})
    void shippedModelGivesTheTrainingScriptsProbabilities(String page) throws IOException {
        Golden g = Golden.read(page);
        TextRoleModel model = TextRoleModel.shipped().orElseThrow();
        List<TextRoleModel.Guess> guesses = model.classify(new Pixels(g.image()), g.boxes(), g.texts());
        List<Integer> kept = g.kept();
        for (int i = 0; i < kept.size(); i++) {
            float[] scores = guesses.get(kept.get(i)).scores();
            JsonNode expected = g.node().get("scores").get(i);
            for (int r = 0; r < scores.length; r++) {
                assertThat(scores[r]).as("segment %d role %s", kept.get(i), TextRole.values()[r])
                        .isCloseTo((float) expected.get(r).asDouble(), within(2e-4f));
            }
        }
    }

    @Test
    void linesOfAnOcrResultGetOneGuessEachInTheirOrder() throws IOException {
        Golden g = Golden.read("python-pytest-doc-013-0");
        List<TextLine> lines = new ArrayList<>();
        for (int i = 0; i < g.boxes().size(); i++) {
            lines.add(new TextLine(g.texts().get(i), g.boxes().get(i), 1.0, List.of()));
        }
        OcrResult text = new OcrResult(List.of(TextBlock.of(lines)), g.image().getWidth(), g.image().getHeight(),
                Duration.ZERO);
        TextRoleModel model = TextRoleModel.shipped().orElseThrow();
        List<TextRoleModel.Guess> guesses = model.classify(g.image(), text);
        assertThat(guesses).hasSize(lines.size());
        int heading = g.roles().indexOf("heading1");
        assertThat(guesses.get(heading).role()).isEqualTo(TextRole.HEADING_1);
        assertThat(guesses.get(heading).confidence()).isBetween(0.5, 1.0);
    }

    @Test
    void rolesAreInTheOrderOfTheModelsOutputs() throws IOException {
        JsonNode record;
        try (InputStream in = TextRoleModel.class.getResourceAsStream("text-roles.json")) {
            record = JSON.readTree(in);
        }
        List<String> names = new ArrayList<>();
        record.get("roles").forEach(r -> names.add(r.asText()));
        assertThat(names).hasSize(TextRole.values().length)
                .containsExactly("text", "heading1", "heading2", "heading3", "link", "nav", "button", "field");
    }
}
