package org.sightline.vision.ocr.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingOrderTest {

    /** The rows of a layout as lists of box indices, blocks flattened. */
    private static List<List<Integer>> rows(PageLayout layout) {
        List<List<Integer>> out = new ArrayList<>();
        layout.blocks().forEach(out::addAll);
        return out;
    }

    @Test
    void readsColumnsOneAfterTheOtherUnderAFullWidthHeading() {
        List<Rectangle> boxes = new ArrayList<>();
        boxes.add(new Rectangle(20, 10, 500, 30));            // 0 heading
        for (int i = 0; i < 4; i++) {
            boxes.add(new Rectangle(20, 70 + 24 * i, 440, 20));   // 1..4 left column
            boxes.add(new Rectangle(500, 70 + 24 * i, 440, 20));  // 5..8 right column (odd indices after 0)
        }
        PageLayout layout = ReadingOrder.of(boxes);
        assertThat(rows(layout)).containsExactly(List.of(0), List.of(1), List.of(3), List.of(5), List.of(7),
                List.of(2), List.of(4), List.of(6), List.of(8));
        assertThat(layout.blocks()).hasSize(3);
    }

    @Test
    void readsATableRowByRow() {
        List<Rectangle> boxes = new ArrayList<>();
        for (int row = 0; row < 4; row++) {
            boxes.add(new Rectangle(20, 20 + 30 * row, 80, 20));
            boxes.add(new Rectangle(300, 20 + 30 * row, 60, 20));
            boxes.add(new Rectangle(600, 20 + 30 * row, 40, 20));
        }
        List<Integer> order = rows(ReadingOrder.of(boxes)).stream().flatMap(List::stream).toList();
        assertThat(order).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    }

    @Test
    void aListOfLongTopicsBesideTheirShortTagsIsReadRowByRow() {
        // A help file's table of contents: topics of 100-290 pixels on the left, their tags on the right, every
        // row lined up. The left column's long lines do not make it running text, since the right one is not.
        int[] topics = {272, 234, 195, 131, 263, 211, 233, 115, 247, 234, 125, 210, 290, 93};
        List<Rectangle> boxes = new ArrayList<>();
        for (int row = 0; row < topics.length; row++) {
            boxes.add(new Rectangle(5, 360 + 15 * row, topics[row], 16));
            boxes.add(new Rectangle(385, 360 + 15 * row, 80 + 5 * (row % 8), 16));
        }
        List<Integer> order = rows(ReadingOrder.of(boxes)).stream().flatMap(List::stream).toList();
        for (int i = 0; i < order.size(); i++) {
            assertThat(order.get(i)).isEqualTo(i);
        }
    }

    @Test
    void anIndexIsReadGroupByGroupWithEachLetterBeforeItsEntries() {
        // A Texinfo index: each group's letter alone on the left, closer to its entries than to the group above;
        // the entries' width differs from group to group, so the white strip between the columns does too.
        List<Rectangle> boxes = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        int y = 210;
        int[] widths = {151, 166, 198};
        for (int group = 0; group < 3; group++) {
            expected.add(boxes.size());
            boxes.add(new Rectangle(11, y, 16, 17));                     // the letter
            y += 18;
            for (int entry = 0; entry < 4; entry++, y += 22) {
                expected.add(boxes.size());
                boxes.add(new Rectangle(28, y, widths[group], 22));      // "q, PO Mode command"
                expected.add(boxes.size());
                boxes.add(new Rectangle(336, y + 2, 213, 19));           // "8.3.2 Main PO mode Commands"
            }
            y += 40;
        }
        List<Integer> order = rows(ReadingOrder.of(boxes)).stream().flatMap(List::stream).toList();
        assertThat(order).containsExactlyElementsOf(expected);
    }

    @Test
    void aGeneralIndexIsReadLetterByLetterEachListDownItsColumns() {
        // Requests' general index as OCR finds it (x, y, width, height of each line): each letter alone at the
        // left over its entries set in two columns, the white strip between the columns running down the whole
        // page. Read column by column down the page, the G entries at the right would come after the H and I
        // entries at the left; each letter heads both columns, so the page reads letter by letter, in the order
        // the boxes are listed here.
        int[][] lines = {
            {704, 67, 26, 26},                                                         // G
            {737, 113, 180, 22}, {767, 137, 317, 22}, {768, 160, 182, 23}, {737, 184, 278, 23},
            {737, 207, 347, 24}, {735, 231, 63, 23},
            {1115, 111, 71, 25}, {1116, 136, 315, 23}, {1115, 160, 288, 23}, {1113, 183, 102, 24},
            {1114, 205, 293, 27}, {1114, 231, 101, 24}, {1115, 254, 90, 26}, {1115, 278, 317, 23},
            {1115, 301, 267, 25}, {1115, 326, 61, 22}, {1115, 349, 287, 25}, {1115, 375, 99, 22},
            {704, 432, 26, 27},                                                        // H
            {738, 480, 190, 19}, {767, 503, 182, 22}, {737, 527, 306, 22}, {768, 553, 200, 19},
            {769, 575, 185, 22}, {737, 598, 253, 22},
            {1101, 480, 294, 19}, {1131, 505, 187, 19}, {1101, 527, 284, 22}, {1100, 551, 278, 22},
            {1100, 575, 284, 22}, {1101, 598, 82, 21}, {1101, 623, 278, 19},
            {701, 680, 20, 20},                                                        // I
            {737, 727, 136, 22}, {738, 751, 285, 22}, {737, 777, 291, 19}, {737, 799, 68, 23},
            {736, 822, 280, 22}, {737, 846, 308, 22}, {736, 870, 62, 20},
            {1100, 727, 291, 22}, {1100, 751, 274, 22}, {1099, 777, 331, 19}, {1099, 797, 63, 23},
            {1099, 820, 327, 26}, {1099, 844, 63, 24}, {1099, 868, 84, 24}};
        List<Rectangle> boxes = new ArrayList<>();
        for (int[] l : lines) {
            boxes.add(new Rectangle(l[0], l[1], l[2], l[3]));
        }
        List<Integer> order = rows(ReadingOrder.of(boxes)).stream().flatMap(List::stream).toList();
        for (int i = 0; i < order.size(); i++) {
            assertThat(order.get(i)).as("line %d", i).isEqualTo(i);
        }
    }

    @Test
    void twoShortColumnsOfTextUnderATitleAreNotATable() {
        // A paper's title over its first column, then two columns of two lines on the same baselines: the second
        // column is too short to show it is not running text, so the two are not taken for a table's cells.
        List<Rectangle> boxes = List.of(
                new Rectangle(56, 58, 200, 26),    // 0 title
                new Rectangle(56, 110, 190, 14),   // 1 left, first line
                new Rectangle(56, 126, 160, 14),   // 2 left, second line
                new Rectangle(310, 110, 200, 14),  // 3 right, first line
                new Rectangle(310, 126, 130, 14)); // 4 right, second line
        List<Integer> order = rows(ReadingOrder.of(boxes)).stream().flatMap(List::stream).toList();
        assertThat(order).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void aLoneLineBesideTheTopOfAColumnIsReadWhereItStands() {
        // A class reference: its summary links at the top right, a little above the title, and a tall column of
        // text whose right edge leaves a white strip below those links. The links are not a column of their own.
        List<Rectangle> boxes = new ArrayList<>();
        boxes.add(new Rectangle(11, 112, 264, 20));              // 0 title
        for (int i = 1; i <= 12; i++) {
            boxes.add(new Rectangle(76, 140 + 22 * i, 500 + 25 * (i % 10), 19));  // 1..12 text
        }
        boxes.add(new Rectangle(956, 97, 321, 16));              // 13 summary links
        List<Integer> order = rows(ReadingOrder.of(boxes)).stream().flatMap(List::stream).toList();
        assertThat(order.get(0)).isEqualTo(13);
        assertThat(order.subList(1, order.size())).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }

    @Test
    void aLabelsValueInAColumnOfItsOwnIsReadAfterItsLabel() {
        // "Source File:  mod_dumpio.c" above a heading: the value is one line right of a white strip.
        List<Rectangle> boxes = List.of(
                new Rectangle(41, 318, 103, 20),   // 0 Source File:
                new Rectangle(36, 367, 94, 24),    // 1 Summary (a heading below)
                new Rectangle(193, 316, 120, 23)); // 2 mod_dumpio.c
        List<Integer> order = rows(ReadingOrder.of(boxes)).stream().flatMap(List::stream).toList();
        assertThat(order).containsExactly(0, 2, 1);
    }

    @Test
    void joinsBoxesOnOneRowLeftToRightAndSplitsParagraphs() {
        List<Rectangle> boxes = List.of(
                new Rectangle(200, 10, 100, 20),   // 0: second word of line 1
                new Rectangle(20, 11, 150, 20),    // 1: first word of line 1
                new Rectangle(20, 34, 280, 20),    // 2: line 2
                new Rectangle(20, 90, 280, 20));   // 3: next paragraph
        PageLayout layout = ReadingOrder.of(boxes);
        assertThat(layout.blocks()).containsExactly(List.of(List.of(1, 0), List.of(2)), List.of(List.of(3)));
        assertThat(layout.rowCount()).isEqualTo(3);
    }

    @Test
    void emptyPageHasNoBlocks() {
        assertThat(ReadingOrder.of(List.of()).blocks()).isEmpty();
    }
}
