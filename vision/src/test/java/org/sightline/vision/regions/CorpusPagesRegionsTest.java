package org.sightline.vision.regions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.elements.ElementFinder;
import org.sightline.vision.elements.ElementMap;
import org.sightline.vision.ocr.OcrResult;
import org.sightline.vision.ocr.TextLine;
import org.sightline.vision.testing.CorpusTruth;
import org.sightline.vision.testing.RealOcr;

/**
 * Real two-pane documentation pages from the page corpus (training packages only, see
 * vision/scripts/corpus/split.txt), read by the real OCR engine: the sidebar and the content, as the page's DOM
 * places them, are each read in one piece (also where the sidebar's long entries run into the content, as on
 * Werkzeug's pages, where the detector even joins such an entry with the content's words beside it), and Sightline
 * calls them navigation and main content; the element
 * map lists its elements region after region. A general index's lists set in columns are read as the DOM
 * reads them.
 */
@Tag("slow")
class CorpusPagesRegionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RealOcr OCR = new RealOcr();

    @ParameterizedTest
    @ValueSource(strings = {"python-pytest-doc-000-0", "python-jinja2-doc-000-0", "python-babel-doc-000-0",
        "python-werkzeug-doc-008-0"})
    void theSidebarAndTheContentAreEachReadInOnePiece(String page) throws Exception {
        CorpusPage fixture = CorpusPage.load(page);
        BufferedImage image = fixture.image();
        JsonNode truth = fixture.truth();
        Map<String, Rectangle> panes = panes(truth);

        OcrResult result = OCR.engine().read(image, TaskContext.none());

        StringBuilder sequence = new StringBuilder();
        for (TextLine line : result.lines()) {
            Rectangle box = line.box();
            for (Map.Entry<String, Rectangle> pane : panes.entrySet()) {
                if (pane.getValue().contains(box.getCenterX(), box.getCenterY())) {
                    sequence.append(pane.getKey().charAt(0));
                    RegionKind expected = pane.getKey().equals("navigation") ? RegionKind.NAVIGATION : RegionKind.MAIN;
                    assertThat(result.regionOf(line).kind()).as(line.text()).isEqualTo(expected);
                }
            }
        }
        // One run of sidebar lines and one run of content lines, in either order: never interleaved.
        String runs = sequence.toString().replaceAll("(.)\\1*", "$1");
        assertThat(runs).as(sequence.toString()).isIn("nm", "mn");
        // The element map follows the same regions, one region after another.
        ElementMap map = ElementFinder.analyse(Capture.ofImage(image, CaptureSource.FILE, page), result,
                TaskContext.none());
        List<Integer> regionOrder = map.elements().stream().map(e -> map.regionOf(e).index()).toList();
        assertThat(regionOrder).isSorted();
        assertThat(map.regions()).isEqualTo(result.regions());
    }

    @Test
    void noLineHoldsBothASidebarEntryAndTheContentBesideIt() throws Exception {
        // Werkzeug's HTTP page: two long sidebar entries run into the content's left edge, and the detector finds
        // each as one line with the content's words beside it ("parse_cache_control_header()" touching
        // "Werkzeug.http.parse_date(value)"; "parse_authorization_header()" before "Parse an RFC 2822 date").
        CorpusPage fixture = CorpusPage.load("python-werkzeug-doc-013-0");
        BufferedImage image = fixture.image();
        JsonNode truth = fixture.truth();
        Map<String, Rectangle> panes = panes(truth);
        OcrResult result = OCR.engine().read(image, TaskContext.none());

        List<String> joined = new ArrayList<>();
        for (TextLine line : result.lines()) {
            // The panes whose DOM runs this line covers for the most part.
            List<String> covered = new ArrayList<>();
            for (JsonNode run : truth.get("runs")) {
                Rectangle r = CorpusTruth.boxOf(run.get("box"));
                Rectangle overlap = r.intersection(line.box());
                if (!overlap.isEmpty() && overlap.width * 2 > r.width && overlap.height * 2 > r.height) {
                    panes.forEach((kind, pane) -> {
                        if (pane.contains(r.getCenterX(), r.getCenterY()) && !covered.contains(kind)) {
                            covered.add(kind);
                        }
                    });
                }
            }
            if (covered.size() > 1) {
                joined.add(line.text());
            }
        }
        assertThat(joined).isEmpty();
        assertThat(result.lines()).filteredOn(l -> l.text().replace(" ", "").contains("authorization"))
                .allMatch(l -> result.regionOf(l).kind() == RegionKind.NAVIGATION);
    }

    @Test
    void aGeneralIndexIsReadLetterByLetterEachListDownItsColumns() throws Exception {
        // Requests' general index, scrolled: each letter over its entries set in two columns whose lines line up
        // row by row. The DOM reads a letter's left list, then its right one, then the next letter.
        CorpusPage fixture = CorpusPage.load("python-requests-doc-genindex");
        BufferedImage image = fixture.image();
        JsonNode truth = fixture.truth();
        OcrResult result = OCR.engine().read(image, TaskContext.none());

        // Each recognised line stands for the DOM run it covers most of; read in order, the runs go forward.
        List<Integer> order = new ArrayList<>();
        for (TextLine line : result.lines()) {
            int run = CorpusTruth.runUnder(line.box(), truth.get("runs"));
            if (run >= 0) {
                order.add(run);
            }
        }
        assertThat(order).hasSizeGreaterThan(40).isSorted();
    }

    /** A screenshot of the corpus kept as a fixture, with the truth its DOM gave. */
    private record CorpusPage(BufferedImage image, JsonNode truth) {

        static CorpusPage load(String name) throws IOException {
            try (InputStream png = CorpusPagesRegionsTest.class.getResourceAsStream("corpus/" + name + ".png");
                 InputStream json = CorpusPagesRegionsTest.class.getResourceAsStream("corpus/" + name + ".json")) {
                return new CorpusPage(ImageIO.read(png), JSON.readTree(json));
            }
        }
    }

    /** The DOM's navigation and main landmarks of the page, by kind. */
    private static Map<String, Rectangle> panes(JsonNode truth) {
        List<JsonNode> regions = new ArrayList<>();
        truth.get("regions").forEach(regions::add);
        return regions.stream().filter(r -> List.of("navigation", "main").contains(r.get("kind").asText()))
                .collect(Collectors.toMap(r -> r.get("kind").asText(), r -> CorpusTruth.boxOf(r.get("box")), (a, b) -> a));
    }
}
