package org.sightline.vision.elements;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sightline.vision.testing.RealOcr;

/**
 * A heading set apart above a field names the field and stays a heading: Sphinx's sidebar "Quick search" over its
 * search box (Werkzeug's documentation, training split of the page corpus, the sidebar's part of the screenshot).
 * It was plain text, so H never reached the sidebar's search; the field kept its name. And a search box that is
 * only its hint.
 */
class LabelHeadingTest {

    @RegisterExtension
    static final RealOcr OCR = new RealOcr();

    @Test
    void aHeadingAboveASearchBoxIsAHeadingAndNamesTheBox() throws IOException {
        ElementMap map = FixtureMaps.map(OCR, "corpus/python-werkzeug-doc-001-0-sidebar.png");
        assertThat(map.ofType(ElementType.HEADING)).extracting(Element::label).contains("Quick search");
        assertThat(map.ofType(ElementType.FIELD)).extracting(Element::label).contains("Quick search");
    }

    @Test
    void aSearchHintIsSearchAndAFewWordsWithOrWithoutItsEllipsisAndNoLabel() {
        Matcher m = TextTyper.SEARCH_HINT.matcher("Q Search the docs...");
        assertThat(m.matches()).isTrue();
        assertThat(m.group(1)).isEqualTo("Search the docs");
        assertThat(m.group(2)).isEqualTo("...");
        m = TextTyper.SEARCH_HINT.matcher("搜索文档…");
        assertThat(m.matches()).isTrue();
        assertThat(m.group(1)).isEqualTo("搜索文档");
        m = TextTyper.SEARCH_HINT.matcher("Search the docs");
        assertThat(m.matches()).isTrue();
        assertThat(m.group(2)).isNull();
        // A label, a sentence and a hint for something else are none.
        assertThat(TextTyper.SEARCH_HINT.matcher("Search terms:").matches()).isFalse();
        assertThat(TextTyper.SEARCH_HINT.matcher("Search results are sorted by relevance. See the index.").matches())
                .isFalse();
        assertThat(TextTyper.SEARCH_HINT.matcher("Type a name...").matches()).isFalse();
    }

    @Test
    void aSearchBoxDrawnAsItsPaleHintAloneIsAFieldAndNoHeading() throws IOException {
        // The PyData theme's sidebar search (SciPy's reference, training split): a magnifier and the grey hint
        // "Search the docs ..." over a faint rule, no box. The hint was taken for a heading.
        ElementMap map = FixtureMaps.map(OCR, "corpus/python-scipy-doc-000-0-search.png");
        assertThat(map.ofType(ElementType.FIELD)).extracting(Element::label).containsExactly("Search the docs");
        assertThat(map.ofType(ElementType.HEADING)).extracting(Element::label).noneMatch(l -> l.contains("Search"));
    }

    @Test
    void aHintWithoutItsEllipsisBesideItsMagnifierIsAField() throws IOException {
        // The same theme on pandas' reference (training split), its top 400 rows: OCR leaves out the ellipsis and
        // reads the paler magnifier as a "Q" of its own. The magnifier is the box's, so the hint stands alone and
        // the search box is one field over both; no "Q" is left as text. The three bars at the top right are a
        // button showing the menu icon.
        ElementMap map = FixtureMaps.map(OCR, "corpus/python-pandas-doc-000-0-search.png");
        assertThat(map.ofType(ElementType.FIELD)).extracting(Element::label).containsExactly("Search the docs");
        assertThat(map.elements()).extracting(Element::label).doesNotContain("Q", "三");
        assertThat(map.ofType(ElementType.BUTTON)).extracting(Element::label).contains(TextTyper.MENU_ICON);
    }

    @Test
    void aGoButtonInsideAnEmptySearchBoxIsItsButtonNotItsName() throws IOException {
        // Babel's sidebar (Sphinx's Alabaster theme, training split): "Quick search" over one box that holds an
        // empty field and a grey "Go" at its right end, the rule between them too faint to part the box. The box
        // was a field named "Go"; "Go" is its button, and the field has no name of its own.
        ElementMap map = FixtureMaps.map(OCR, "corpus/python-babel-doc-000-0-search.png");
        assertThat(map.ofType(ElementType.BUTTON)).extracting(Element::label).contains("Go");
        assertThat(map.ofType(ElementType.FIELD)).singleElement()
                .satisfies(f -> assertThat(f.label()).isNotEqualTo("Go"));
    }
}
