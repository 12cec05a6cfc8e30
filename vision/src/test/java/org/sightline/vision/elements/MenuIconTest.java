package org.sightline.vision.elements;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.capture.CaptureSource;
import org.sightline.vision.testing.RealOcr;
import org.sightline.vision.testing.TestFonts;

/**
 * The menu icon, three bars alike one over another, which OCR reads as the character "三": on a Read the Docs
 * page (attrs' documentation, narrow) it was a heading marked as a link, the first stop of H. It is an icon. The
 * character itself, whose bars differ in length, stays text.
 */
class MenuIconTest {

    @RegisterExtension
    static final RealOcr OCR = new RealOcr();

    /** The top 360 rows of the screenshot: the blue bar with the icon, the page's title and first lines. */
    @Test
    void threeBarsAreAMenuIconAndNoHeading() throws IOException {
        ElementMap map = FixtureMaps.map(OCR, "corpus/python-attr-doc-000-0-top.png");
        assertThat(map.ofType(ElementType.IMAGE)).filteredOn(e -> e.label().equals(TextTyper.MENU_ICON))
                .singleElement().satisfies(e -> {
                    assertThat(e.imageBox().getCenterX()).isBetween(16.0, 50.0);
                    assertThat(e.imageBox().getCenterY()).isBetween(17.0, 55.0);
                });
        assertThat(map.ofType(ElementType.HEADING)).extracting(Element::label).containsExactly("Extending");
    }

    @Test
    void theCharacterThreeStaysText() {
        BufferedImage page = new BufferedImage(640, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = FixtureMaps.whitePage(page);
        g.setColor(new Color(0x22, 0x22, 0x22));
        g.setFont(TestFonts.font("Noto Sans CJK SC", java.awt.Font.PLAIN, 20));
        g.drawString("第二章说明了安装的步骤。", 30, 50);
        g.setFont(TestFonts.font("Noto Sans CJK SC", java.awt.Font.PLAIN, 40));
        g.drawString("三", 30, 130);
        g.setFont(TestFonts.font("Noto Sans CJK SC", java.awt.Font.PLAIN, 20));
        g.drawString("第三章说明了怎样使用它。", 30, 190);
        g.dispose();
        ElementMap map = ElementFinder.analyse(Capture.ofImage(page, CaptureSource.FILE, "three"),
                OCR.engine().read(page, TaskContext.none()), TaskContext.none());
        assertThat(map.elements()).extracting(Element::label).contains("三")
                .doesNotContain(TextTyper.MENU_ICON);
    }
}
