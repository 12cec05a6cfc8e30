package org.sightline.vision.regions;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Rectangle;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.vision.ocr.layout.PageLayout;
import org.sightline.vision.ocr.layout.ReadingOrder;

class RegionFinderTest {

    private static final Color SIDEBAR = new Color(0x2d, 0x3e, 0x50);
    private static final Color LINK = new Color(0x1a, 0x5f, 0xb4);

    @Test
    void aColouredSidebarOfLinksIsNavigationBesideTheMainContent() {
        DrawnPage page = new DrawnPage(1280, 900);
        page.fill(new Rectangle(0, 0, 260, 900), SIDEBAR);
        List<Rectangle> nav = page.links(24, 40, 30, 28, Color.WHITE);
        List<Rectangle> content = page.prose(300, 50, 900, 36, 24);
        page.done();

        PageRegions regions = RegionFinder.find(page.image, page.lines);

        assertThat(regions.regions()).extracting(Region::kind)
                .containsExactly(RegionKind.NAVIGATION, RegionKind.MAIN);
        assertThat(nav).allMatch(b -> regions.of(b).kind() == RegionKind.NAVIGATION);
        assertThat(content).allMatch(b -> regions.of(b).kind() == RegionKind.MAIN);
        assertReadInOnePiece(page.lines, regions, nav, content);
    }

    @Test
    void aSidebarWhoseLongEntriesRunIntoTheContentIsStillNavigation() {
        // A white page; the sidebar's entries are names, and four of them, spread down the page, are drawn past
        // the sidebar into the content column, so no white strip parts the two anywhere near their height.
        DrawnPage page = new DrawnPage(1280, 900);
        List<Rectangle> nav = new ArrayList<>(page.links(70, 40, 40, 21, LINK));
        for (int k = 0; k < 4; k++) {
            nav.set(8 + 9 * k, page.text("Environment.code_generator_class_" + k, 70, 40 + (8 + 9 * k) * 21, 15, LINK));
        }
        List<Rectangle> content = page.prose(330, 50, 860, 32, 26);
        page.done();
        page.lines.removeIf(b -> !nav.contains(b) && !content.contains(b));
        assertThat(nav.stream().filter(b -> b.x + b.width > 330)).hasSize(4);

        PageRegions regions = RegionFinder.find(page.image, page.lines);

        assertThat(regions.regions()).extracting(Region::kind)
                .containsExactly(RegionKind.NAVIGATION, RegionKind.MAIN);
        assertThat(content).allMatch(b -> regions.of(b).kind() == RegionKind.MAIN);
        assertThat(nav.stream().filter(b -> b.x + b.width <= 330))
                .allMatch(b -> regions.of(b).kind() == RegionKind.NAVIGATION);
    }

    @Test
    void aFullWidthBarAtTheTopIsTheHeader() {
        DrawnPage page = new DrawnPage(1280, 800);
        page.fill(new Rectangle(0, 0, 1280, 70), new Color(0x24, 0x29, 0x2e));
        List<Rectangle> menu = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            menu.add(page.text("Menu " + i, 40 + i * 160, 42, 16, Color.WHITE));
        }
        List<Rectangle> content = page.prose(60, 120, 1100, 20, 26);
        page.done();

        PageRegions regions = RegionFinder.find(page.image, page.lines);

        assertThat(regions.regions()).extracting(Region::kind).containsExactly(RegionKind.HEADER, RegionKind.MAIN);
        assertThat(menu).allMatch(b -> regions.of(b).kind() == RegionKind.HEADER);
        assertThat(content).allMatch(b -> regions.of(b).kind() == RegionKind.MAIN);
    }

    @Test
    void twoColumnsOfTextWithAWhiteGutterAreReadOneAfterTheOther() {
        DrawnPage page = new DrawnPage(1280, 900);
        List<Rectangle> left = page.prose(40, 50, 560, 30, 26);
        List<Rectangle> right = page.prose(680, 58, 560, 24, 31);
        page.done();

        PageRegions regions = RegionFinder.find(page.image, page.lines);

        assertThat(regions.size()).isEqualTo(2);
        assertThat(regions.get(0).kind()).isEqualTo(RegionKind.MAIN); // the same width: the one with more lines
        assertThat(regions.get(1).kind()).isEqualTo(RegionKind.COMPLEMENTARY);
        assertReadInOnePiece(page.lines, regions, left, right);
    }

    @Test
    void aRuleBetweenAListOfLinksAndTheTextDividesThem() {
        DrawnPage page = new DrawnPage(1024, 900);
        page.rule(230, 0, 899, new Color(0xd0, 0xd7, 0xde));
        List<Rectangle> nav = page.links(20, 40, 25, 30, LINK);
        List<Rectangle> content = page.prose(250, 45, 740, 32, 25);
        page.done();

        PageRegions regions = RegionFinder.find(page.image, page.lines);

        assertThat(regions.regions()).extracting(Region::kind)
                .containsExactly(RegionKind.NAVIGATION, RegionKind.MAIN);
        assertReadInOnePiece(page.lines, regions, nav, content);
    }

    @Test
    void aSingleColumnIsOneMainRegion() {
        DrawnPage page = new DrawnPage(1280, 800);
        page.text("A page of one column", 200, 60, 28, Color.BLACK);
        page.prose(200, 110, 800, 24, 26);
        page.done();

        PageRegions regions = RegionFinder.find(page.image, page.lines);

        assertThat(regions.regions()).extracting(Region::kind).containsExactly(RegionKind.MAIN);
        assertThat(regions.get(0).box()).isEqualTo(new Rectangle(0, 0, 1280, 800));
    }

    @Test
    void aTableIsNotCutIntoColumns() {
        DrawnPage page = new DrawnPage(1000, 700);
        for (int row = 0; row < 20; row++) {
            for (int col = 0; col < 3; col++) {
                page.text("cell " + row + "." + col, 60 + col * 300, 50 + row * 30, 15, Color.BLACK);
            }
        }
        page.done();

        assertThat(RegionFinder.find(page.image, page.lines).size()).isEqualTo(1);
    }

    @Test
    void anIndexWhoseGroupLettersStandAloneOnTheLeftIsOneTableNotTwoPanes() {
        // A Texinfo index: "Index Entry" and "Section" columns on the same rows, each group headed by its letter
        // alone on the left, so only three in four lines on the left have a partner across the white strip.
        DrawnPage page = new DrawnPage(800, 900);
        page.text("Index Entry", 30, 40, 15, Color.BLACK);
        page.text("Section", 340, 40, 15, Color.BLACK);
        int y = 90;
        for (char letter = 'Q'; letter <= 'T'; letter++) {
            page.text(String.valueOf(letter), 12, y, 15, Color.BLACK);
            y += 22;
            for (int entry = 0; entry < 3; entry++, y += 22) {
                page.text(Character.toLowerCase(letter) + ", PO Mode command", 30, y, 15, LINK);
                page.text("8.3." + entry + " Main PO mode Commands", 340, y, 15, LINK);
            }
            y += 30;
        }
        page.done();

        assertThat(RegionFinder.find(page.image, page.lines).size()).isEqualTo(1);
    }

    @Test
    void aGeneralIndexWithLongEntriesLowDownIsOneTableNotTwoPanes() {
        // A general index: each letter over two lists of entries on the same rows, the right one shorter in the
        // first groups. Three long entries low down reach into the white strip, so its full height is only its right
        // edge, where the two sides are a table's; above them the strip is wider, and there, with the short right
        // lists, fewer rows have a partner across. It is the same space between the same two lists.
        DrawnPage page = new DrawnPage(1000, 1000);
        int[] rightCounts = {3, 3, 6, 6, 6};
        int y = 40;
        for (int group = 0; group < 5; group++) {
            page.text(String.valueOf((char) ('A' + group)), 40, y, 18, Color.BLACK);
            y += 26;
            for (int entry = 0; entry < 6; entry++, y += 24) {
                String left = group == 3 && entry < 3 ? "a rather long entry name (in module with a long name)"
                        : "entry " + group + "." + entry + " (in module)";
                page.text(left, 60, y, 15, LINK);
                if (entry < rightCounts[group]) {
                    page.text("other " + group + "." + entry + " (class in module)", 500, y, 15, LINK);
                }
            }
            y += 20;
        }
        page.done();

        assertThat(RegionFinder.find(page.image, page.lines).size()).isEqualTo(1);
    }

    @Test
    void aBlankPageIsOneRegion() {
        DrawnPage page = new DrawnPage(800, 600).done();

        PageRegions regions = RegionFinder.find(page.image, List.of());

        assertThat(regions.regions()).extracting(Region::kind).containsExactly(RegionKind.MAIN);
        assertThat(regions.at(400, 300).index()).isZero();
        assertThat(regions.at(-50, 900).index()).isZero();
    }

    @Test
    void aVeryTallPageIsSplitWithinBoundedMemoryAndTime() {
        DrawnPage page = new DrawnPage(1280, 16000);
        page.fill(new Rectangle(0, 0, 280, 16000), SIDEBAR);
        List<Rectangle> nav = page.links(24, 40, 60, 28, Color.WHITE);
        List<Rectangle> content = page.prose(320, 50, 900, 600, 26);
        page.done();
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();

        PageRegions regions = RegionFinder.find(page.image, page.lines);

        long millis = (System.nanoTime() - start) / 1_000_000;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        assertThat(regions.regions()).extracting(Region::kind)
                .containsExactly(RegionKind.NAVIGATION, RegionKind.MAIN);
        assertThat(nav).allMatch(b -> regions.of(b).kind() == RegionKind.NAVIGATION);
        assertThat(content).allMatch(b -> regions.of(b).kind() == RegionKind.MAIN);
        // The image alone is 82 MB; the finder holds a grid and a few rows, never a copy of it.
        assertThat(allocated).as("bytes allocated").isLessThan(40L << 20);
        assertThat(millis).as("milliseconds").isLessThan(5000);
    }

    /** Every line of {@code first} comes before every line of {@code second}, and each is read without a break. */
    static void assertReadInOnePiece(List<Rectangle> all, PageRegions regions, List<Rectangle> first,
                                     List<Rectangle> second) {
        PageLayout layout = ReadingOrder.of(all, regions);
        List<Rectangle> order = new ArrayList<>();
        layout.blocks().forEach(b -> b.forEach(row -> row.forEach(i -> order.add(all.get(i)))));
        List<Integer> firstAt = first.stream().map(order::indexOf).sorted().toList();
        List<Integer> secondAt = second.stream().map(order::indexOf).sorted().toList();
        assertThat(firstAt.get(firstAt.size() - 1) - firstAt.get(0)).isEqualTo(first.size() - 1);
        assertThat(secondAt.get(secondAt.size() - 1) - secondAt.get(0)).isEqualTo(second.size() - 1);
        assertThat(firstAt.get(firstAt.size() - 1)).isLessThan(secondAt.get(0));
    }
}
