package org.sightline.vision.elements;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sightline.task.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text no control took: a heading, a link or plain text, as the learned text role model says
 * ({@link TextRoleModel}; where it and the rules each decide: {@link TextRoleChoice}); without the model, a
 * heading when clearly taller or bolder than the body text, a link when underlined or in a colour of its own,
 * else plain text. Syntax-highlighted code stays text.
 */
final class TextTyper {

    private static final Logger LOG = LoggerFactory.getLogger(TextTyper.class);

    private final PageText page;
    private final Pixels pixels;
    private final Optional<TextRoleModel> roles;
    private final TaskContext context;

    TextTyper(PageText page, Optional<TextRoleModel> roles, TaskContext context) {
        this.page = page;
        this.pixels = page.pixels;
        this.roles = roles;
        this.context = context;
    }

    List<Found> find(TextSegmenter segmenter) {
        List<Found> found = new ArrayList<>();
        double bodyHeight = page.bodyHeight;
        Set<String> fieldLabels = page.fieldLabels;
        Set<String> labelsOfFields = page.labelsOfFields;
        List<TextSegment> left = page.segments.stream().filter(s -> !s.consumed).toList();
        List<TextSegment> unsplit = left.stream().filter(s -> !segmenter.isLoneBullet(s, left))
                .map(segmenter::withoutPaleMark).map(segmenter::withoutBullet).toList();
        if (unsplit.isEmpty()) {
            return found;
        }
        int bodyInk = bodyInk(unsplit);
        List<TextSegment> whole = new ArrayList<>();
        int pageBackground = pixels.dominantColour(pixels.bounds());
        // The pieces of lines that start with a prompt (">>> ", "$ "): an interpreter's or a shell's input.
        Set<TextSegment> prompted = new HashSet<>();
        for (TextSegment s : unsplit) {
            if (PROMPT.matcher(s.text).lookingAt()) {
                int before = whole.size();
                whole.addAll(segmenter.splitByColour(s, bodyInk));
                prompted.addAll(whole.subList(before, whole.size()));
                continue;
            }
            List<TextSegment> letters = segmenter.splitAlphabet(s);
            if (letters.size() > 1) {
                // Before the colours: an index's letters and the grey bars between them are no change of colour.
                whole.addAll(letters);
                continue;
            }
            List<TextSegment> pieces = segmenter.splitByColour(s, bodyInk);
            // A line its colours part in three pieces or more is a bar of items (Javadoc's menu, its own page's
            // item in another colour): two words set well apart in one of its pieces are two items.
            boolean bar = pieces.size() >= MENU_PIECES;
            for (TextSegment piece : pieces) {
                for (TextSegment item : segmenter.splitAtSeparators(piece)) {
                    whole.addAll(placedAsMenu(item, pageBackground) ? segmenter.splitAtWideGaps(item, bar)
                            : List.of(item));
                }
            }
        }
        Set<TextSegment> code = highlightedCode(whole);
        code.addAll(numberedListing(whole));
        code.addAll(commentLines(whole));
        code.addAll(prompted);
        // Words that change colour inside them are cut outside code only: in code a coloured word between
        // marks ("<body>") is a keyword, and cut out of its marks it would pass for a word set apart.
        List<TextSegment> free = whole.stream().flatMap(s -> code.contains(s) ? Stream.of(s)
                : segmenter.splitInsideWords(s, bodyInk).stream()
                        .flatMap(p -> segmenter.splitAtUnderlineBreaks(p).stream())
                        .flatMap(p -> drawnAsLink(p, bodyInk) ? segmenter.splitAtCommas(p).stream() : Stream.of(p)))
                .toList();
        // The body's size and weight come from the running text: a code block's monospaced lines, drawn in
        // another face and often bolder, would otherwise set the scale that headings and links are read by.
        List<TextSegment> prose = free.stream().filter(s -> !code.contains(s)).toList();
        List<TextSegment> scale = prose.isEmpty() ? free : prose;
        double bodyH = PageText.weightedMedian(scale, s -> (double) s.box.height, bodyHeight);
        double bodyStroke = PageText.weightedMedian(scale, s -> s.strokeRatio, 0.1);
        double bodyInkH = PageText.weightedMedian(scale, s -> (double) inkHeight(s), bodyH);
        Set<TextSegment> menuItems = menuItems(free, pageBackground);
        context.cancellation().throwIfCancelled();
        Map<TextSegment, TextRoleModel.Guess> guesses = guessRoles(free);
        if (Boolean.getBoolean("sightline.elements.debug")) {
            System.err.printf("body height %.1f stroke %.3f ink %06x%n", bodyH, bodyStroke, bodyInk);
            free.forEach(s -> System.err.printf("free %s ink=%06x stroke=%.3f under=%s%n", s, s.ink, s.strokeRatio,
                    s.underlined));
        }
        List<Integer> linkInks = linkInks(free, guesses, code, bodyInk);
        if (Boolean.getBoolean("sightline.elements.debug")) {
            System.err.println("link inks " + linkInks.stream().map(Integer::toHexString).toList());
        }
        List<TextSegment> loneOnTheirRows = loneOnTheirRows(free);
        Map<TextSegment, TextSegment> magnifiers = magnifiers(free);
        Set<Integer> navigationPanels = navigationPanels(free, guesses, code, pageBackground);
        Map<Found, TextSegment> pieceOf = new HashMap<>();
        for (TextSegment s : free) {
            if (menuIcon(pixels, s)) {
                // Three bars alike, one over another: the menu icon that OCR reads as "三" or "≡", no word.
                found.add(new Found(ElementType.IMAGE, MENU_ICON, s.box, 0.8 * s.confidence, 0));
                continue;
            }
            if (s.indexLetter) {
                found.add(new Found(ElementType.LINK, s.text, s.box, 0.8 * s.confidence, 0));
                continue;
            }
            if (magnifiers.containsValue(s)) {
                continue;
            }
            Matcher hint = SEARCH_HINT.matcher(s.text);
            if (hint.matches() && (hint.group(2) != null ? !darker(s.ink, bodyInk, s.background)
                    : free.stream().noneMatch(o -> o != s && o != magnifiers.get(s) && o.sameRow(s))
                    && paler(s.ink, bodyInk, s.background))) {
                // A search box drawn without a box (the PyData theme's "Search the docs ..." over a faint rule):
                // its pale hint is all there is to see of it, with the magnifier before it.
                Rectangle box = magnifiers.containsKey(s) ? s.box.union(magnifiers.get(s).box) : s.box;
                found.add(new Found(ElementType.FIELD, hint.group(1).strip(), box, 0.6 * s.confidence, 0));
                continue;
            }
            double ratio = s.box.height / bodyH;
            boolean large = ratio >= LARGE && inkHeight(s) >= LARGE_INK * bodyInkH;
            boolean bold = s.strokeRatio >= 1.25 * bodyStroke && bodyStroke > 0;
            boolean alone = free.stream().noneMatch(o -> o != s && o.sameRow(s));
            int words = s.words();
            boolean shortText = words <= 12 && s.text.length() <= 90;
            boolean coloured = coloured(s, bodyInk);
            // Code names listed one to a row on a panel of links (SQLAlchemy's grey table of contents, which shares
            // its grey with the page's code blocks) are its entries, not code.
            boolean inCode = code.contains(s) && !(navigationPanels.contains(s.background) && coloured
                    && words <= ENTRY_WORDS && !EXPRESSION.matcher(s.text).find() && loneOnTheirRows.contains(s)
                    && inAColumnOfLinks(s, loneOnTheirRows));
            ElementType type = ElementType.TEXT;
            double certainty = 0.9;
            boolean label = fieldLabels.contains(s.text);
            boolean veryBold = s.strokeRatio >= 1.7 * bodyStroke && bodyStroke > 0 && words <= 8;
            if (inCode) {
                type = ElementType.TEXT;
            } else if (shortText && (large || !label && (ratio >= 1.1 && bold || bold && alone && ratio >= 0.95
                    || veryBold && ratio >= 0.7))) {
                type = ElementType.HEADING;
                certainty = large ? 0.85 : 0.6;
            } else if (s.underlined && shortText) {
                type = ElementType.LINK;
                certainty = 0.8;
            } else if (coloured && shortText) {
                type = ElementType.LINK;
                certainty = 0.7;
            } else if (menuItems.contains(s)) {
                type = ElementType.LINK;
                certainty = 0.55;
            }
            // No heading: a piece amid its line, an item of a row of alikes, or marks without a word ("})").
            boolean amid = amidItsLine(s, free) || inARowOfLikes(s, free)
                    || s.text.codePoints().noneMatch(Character::isLetterOrDigit) || endsTheLinkAbove(s, free, guesses)
                    || ENCLOSED.matcher(s.text).matches();
            if ((s.partOfWord || amid) && type == ElementType.HEADING) {
                type = coloured ? ElementType.LINK : ElementType.TEXT;
            }
            if (label && type == ElementType.LINK) {
                // Right against a field, in a row of menu items ("SEARCH:" after "METHOD"): the field's label.
                type = ElementType.TEXT;
            }
            Optional<TextRoleModel.Guess> guess = Optional.ofNullable(guesses.get(s));
            TextRoleChoice.Choice choice = TextRoleChoice.choose(type, certainty,
                    inCode || labelsOfFields.contains(s.text) && !headingAbove(guess), guess,
                    !s.partOfWord && !amid);
            if (choice.type() == ElementType.HEADING
                    && (ratio < PLAIN_SIZE || ratio < LARGE && s.strokeRatio < bodyStroke)
                    && s.strokeRatio < PLAIN_WEIGHT * bodyStroke
                    && Pixels.distance(s.ink, bodyInk) < Pixels.CLEARLY_APART
                    && Pixels.distance(s.background, pageBackground) <= PLAIN_PAGE
                    && !s.text.equals(s.text.toUpperCase(Locale.ROOT))
                    && !headsTheTextBelow(s, free, (a, b) -> inkHeight(a) >= INK_TALLER * inkHeight(b))) {
                // In the body's size, weight and ink, on the page's own background, not in capitals and no larger
                // or bolder than the text under it: nothing sets it apart as a heading (a short line of a list,
                // "David Vo"), whatever the model makes of its shortness. A sidebar's title on a band of its own
                // ("Quick search") is set apart by the band. Lighter than the body, the box may be a little taller:
                // OCR's line box takes in a taller mark beside the words (a breadcrumb's "／ Extending").
                choice = new TextRoleChoice.Choice(ElementType.TEXT, choice.certainty());
            }
            boolean linkInk = linkInks.stream().anyMatch(ink -> Pixels.distance(ink, s.ink) <= SAME_INK);
            if (choice.type() == ElementType.TEXT && type == ElementType.LINK && coloured && s.partOfWord
                    && !inCode && linkInk) {
                // A name cut from the brackets after it, in the colour of the links the model itself found on
                // this page: a member list's linked names, which the model reads as text among signatures.
                choice = new TextRoleChoice.Choice(ElementType.LINK, certainty);
            }
            if (choice.type() == ElementType.TEXT && type == ElementType.LINK && coloured && words <= ENTRY_WORDS
                    && !s.partOfWord && !inCode && !EXPRESSION.matcher(s.text).find()
                    && (Pixels.distance(s.background, pageBackground) <= PLAIN_PAGE
                        || navigationPanels.contains(s.background))
                    && inAColumnOfLinks(s, loneOnTheirRows)) {
                // One of a column of entries alike, each alone on its row and in the same colour of its own, on
                // the page's own background or a panel that holds links (not a code block's tint): a table of
                // contents of code names ("main()", "read_file()"), which the model reads as code.
                choice = new TextRoleChoice.Choice(ElementType.LINK, certainty);
            }
            boolean setApart = large || ratio >= 1.1 && bold;
            boolean heads = choice.type() == ElementType.LINK && alone && !amid && !s.partOfWord
                    && guess.isPresent() && guess.get().score(ElementType.HEADING) >= LINK_HEADING
                    && headsTheTextBelow(s, free, (a, b) -> a.box.height >= TALLER * b.box.height);
            if (choice.type() == ElementType.LINK && (type == ElementType.HEADING && setApart && !stacked(s, free)
                    || heads)) {
                // Set apart like a heading (clearly taller, or taller and bolder, than the body, and unlike the
                // lines above and below it) and read as a link where it stands: a sidebar's section title that
                // opens its section. A column of bold links alike (a list of functions) is no heading. Or one the
                // model gives some chance of a heading that is taller or bolder than the text right under it
                // (rustdoc's "Structs" over its list).
                found.add(new Found(ElementType.HEADING, s.text, s.box, choice.certainty() * s.confidence,
                        guess.map(TextRoleModel.Guess::headingLevel).orElse(0), true));
                continue;
            }
            found.add(new Found(choice.type(), s.text, s.box, choice.certainty() * s.confidence,
                    choice.headingLevel()));
            pieceOf.put(found.get(found.size() - 1), s);
        }
        numberedEntries(found, pieceOf, loneOnTheirRows, bodyH);
        return found;
    }

    /** A table of contents' entry: a section number with its dots ("1.2.3. ", "4.1 ") and then its title. */
    private static final Pattern NUMBERED_ENTRY = Pattern.compile("(\\d+(\\.\\d+)*\\.|\\d+(\\.\\d+)+)\\s+\\S.*");
    /** Numbered links in a column that make its other numbered entries links. */
    private static final int NUMBERED_LINKS = 2;
    /** How far, in body heights, a numbered entry's left edge may be from its column's links' (one more level). */
    private static final double ENTRY_INDENT = 2.5;
    /** How far, in body heights, a numbered entry may be above or below the nearest numbered link of its column. */
    private static final double ENTRY_REACH = 8;

    /**
     * Numbered entries of a table of contents that were typed as text, made links: in a column where at least
     * {@link #NUMBERED_LINKS} numbered entries on the same background, alone on their rows, are links, one alone
     * on its row on that background, within a level's indent of them and a few lines from the nearest, is one more
     * (DocBook's sidebar: "1.1. Core tools" in the plain face the model takes for navigation, "1.1.1. dpkg-dev" under
     * it in a code face the model takes for text).
     */
    private static void numberedEntries(List<Found> found, Map<Found, TextSegment> pieceOf,
                                        List<TextSegment> loneOnTheirRows, double bodyH) {
        List<TextSegment> numberedLinks = found.stream().filter(f -> f.type() == ElementType.LINK
                        && pieceOf.containsKey(f) && NUMBERED_ENTRY.matcher(f.label()).matches())
                .map(pieceOf::get).filter(loneOnTheirRows::contains).toList();
        for (int i = 0; i < found.size(); i++) {
            Found f = found.get(i);
            TextSegment s = pieceOf.get(f);
            if (f.type() != ElementType.TEXT || s == null || !loneOnTheirRows.contains(s)
                    || !NUMBERED_ENTRY.matcher(f.label()).matches()) {
                continue;
            }
            List<TextSegment> column = numberedLinks.stream().filter(o -> o.background == s.background
                    && Math.abs(o.box.x - s.box.x) <= ENTRY_INDENT * bodyH).toList();
            boolean near = column.stream().anyMatch(o -> Math.abs(o.centerY() - s.centerY()) <= ENTRY_REACH * bodyH);
            if (column.size() >= NUMBERED_LINKS && near) {
                found.set(i, new Found(ElementType.LINK, f.label(), f.box(), f.confidence(), 0));
            }
        }
    }

    /**
     * The page's link colours: a colour of its own (not the body's) that at least {@link #LINK_INK_PIECES} pieces
     * of text outside code have, each taken for a link by the text role model with at least
     * {@link #SURE_LINK} of its probability.
     */
    private static List<Integer> linkInks(List<TextSegment> free, Map<TextSegment, TextRoleModel.Guess> guesses,
                                          Set<TextSegment> code, int bodyInk) {
        List<Integer> sure = new ArrayList<>();
        for (TextSegment s : free) {
            TextRoleModel.Guess g = guesses.get(s);
            if (g != null && !code.contains(s) && Pixels.chroma(s.ink) >= Pixels.CLEARLY_APART
                    && Pixels.distance(s.ink, bodyInk) >= Pixels.CLEARLY_APART
                    && g.score(ElementType.LINK) >= SURE_LINK) {
                sure.add(s.ink);
            }
        }
        List<Integer> inks = new ArrayList<>();
        for (int ink : sure) {
            long alike = sure.stream().filter(o -> Pixels.distance(o, ink) <= SAME_INK).count();
            if (alike >= LINK_INK_PIECES && inks.stream().noneMatch(i -> Pixels.distance(i, ink) <= SAME_INK)) {
                inks.add(ink);
            }
        }
        return inks;
    }

    /**
     * The backgrounds other than the page's on which at least {@link #PANEL_LINKS} pieces outside code are links by
     * the model's sure guess ({@link #SURE_LINK}): a sidebar's panel (SQLAlchemy's grey table of contents), where a
     * column of code names is links as on the page's own background. A code block's tint holds none.
     */
    private static Set<Integer> navigationPanels(List<TextSegment> free, Map<TextSegment, TextRoleModel.Guess> guesses,
                                                 Set<TextSegment> code, int pageBackground) {
        Set<Integer> panels = new HashSet<>();
        for (TextSegment s : free) {
            if (Pixels.distance(s.background, pageBackground) <= PLAIN_PAGE || panels.contains(s.background)) {
                continue;
            }
            long links = free.stream().filter(o -> !code.contains(o) && o.background == s.background
                    && guesses.get(o) != null && guesses.get(o).score(ElementType.LINK) >= SURE_LINK).count();
            if (links >= PANEL_LINKS) {
                panels.add(s.background);
            }
        }
        return panels;
    }

    /** Sure links on a panel that make it one of navigation. */
    private static final int PANEL_LINKS = 3;

    /** The model's probability of a link (in the content or in a menu) for a piece that sets the link colour. */
    private static final double SURE_LINK = 0.5;
    /** Pieces the model is sure are links, in one colour, that make it the page's link colour. */
    private static final int LINK_INK_PIECES = 3;

    /**
     * Whether a line just above or below {@code s} starts where it does in the same size and weight: {@code s} is
     * one item of a column of alike items (a menu, a list of names), not a heading set apart from its text.
     */
    private static boolean stacked(TextSegment s, List<TextSegment> free) {
        for (TextSegment o : free) {
            if (o == s || o.sameRow(s)) {
                continue;
            }
            int gap = Math.max(o.box.y - (s.box.y + s.box.height), s.box.y - (o.box.y + o.box.height));
            boolean near = gap <= 0.8 * s.box.height;
            boolean aligned = Math.abs(o.box.x - s.box.x) <= Math.max(4, s.box.height / 2);
            boolean alike = Math.abs(o.box.height - s.box.height) <= 0.15 * s.box.height
                    && Math.abs(o.strokeRatio - s.strokeRatio) <= 0.15 * s.strokeRatio;
            if (near && aligned && alike) {
                return true;
            }
        }
        return false;
    }

    /** What the text role model is asked about a page: every piece's box and text, the free pieces first. */
    interface RoleQuestions {
        void asked(List<Rectangle> boxes, List<String> texts, int free);
    }

    /**
     * Told what the text role model is asked, when set: the pieces real OCR and the segmenter make, which the
     * corpus benchmark writes out as the model's training samples (vision/scripts/text-roles/ocr_dataset.py).
     * Null in the app.
     */
    static volatile RoleQuestions roleQuestions;

    /**
     * The text role model's guess for each free segment, judged among all the page's text (the segments
     * controls took stay as neighbours); none when there is no model or it fails, and the rules decide.
     */
    private Map<TextSegment, TextRoleModel.Guess> guessRoles(List<TextSegment> free) {
        Map<TextSegment, TextRoleModel.Guess> guesses = new HashMap<>();
        if (roles.isEmpty() || free.isEmpty()) {
            return guesses;
        }
        List<TextSegment> all = new ArrayList<>(free);
        page.segments.stream().filter(s -> s.consumed).forEach(all::add);
        List<Rectangle> boxes = all.stream().map(s -> s.box).toList();
        List<String> texts = all.stream().map(s -> s.text).toList();
        RoleQuestions listener = roleQuestions;
        if (listener != null) {
            listener.asked(boxes, texts, free.size());
        }
        try {
            List<TextRoleModel.Guess> found = roles.get().classify(pixels, boxes, texts);
            for (int i = 0; i < free.size(); i++) {
                guesses.put(free.get(i), found.get(i));
                if (Boolean.getBoolean("sightline.elements.debug")) {
                    System.err.printf("role %s %.2f for %s %s%n", found.get(i).role(), found.get(i).confidence(),
                            free.get(i), Arrays.toString(found.get(i).scores()));
                }
            }
        } catch (IllegalStateException e) {
            LOG.warn("the text role model failed ({}); the rules decide", e.getMessage());
            guesses.clear();
        }
        return guesses;
    }

    /**
     * Text in a syntax-highlighted code block: pieces on one background colour, in three or more ink colours,
     * and mostly code (brackets, semicolons, operators in a third or more of its pieces), with colours mixed
     * inside its lines. Its colours mark keywords and strings, not links, and its short lines are not
     * headings. The block may fill most of the
     * capture (an editor window), so its background may be the page's own. Only the runs of the block's lines
     * that hold a piece with code marks are code: on a documentation page whose code panels are as pale as
     * the page, the block also holds the page's headings, prose and links (and OCR may join a sidebar's item
     * to the code line beside it), which must stay apart.
     */
    private Set<TextSegment> highlightedCode(List<TextSegment> free) {
        Set<TextSegment> code = new HashSet<>();
        for (TextSegment s : free) {
            if (code.contains(s)) {
                continue;
            }
            List<TextSegment> block = free.stream()
                    .filter(o -> Pixels.distance(o.background, s.background) <= SAME_INK).toList();
            List<Integer> inks = new ArrayList<>();
            for (TextSegment o : block) {
                if (inks.stream().noneMatch(i -> Pixels.distance(i, o.ink) <= SAME_INK)) {
                    inks.add(o.ink);
                }
            }
            long codeLike = block.stream().filter(TextTyper::hasCodeMarks).count();
            if (inks.size() >= 3 && codeLike * 3 >= block.size() && manyLinesMixInks(block)) {
                Set<TextSegment> runs = codeRuns(block);
                if (hues(runs) >= 2) {
                    code.addAll(runs);
                }
            }
        }
        return code;
    }

    /**
     * The lines of a numbered listing (Doxygen's source pages, a code viewer's line numbers): a column of
     * {@link #LISTING_LINES} or more numbers counting up by one, each on the row after the last (OCR may read two
     * of them as one piece, "2 3", or miss one: a step of two is taken), right-aligned; what stands right of them on
     * their rows is code, whose comments and directives are drawn in colours that are not links. The numbers
     * themselves are left to the rules: a definition's number may be a link to it.
     */
    private static Set<TextSegment> numberedListing(List<TextSegment> pieces) {
        List<TextSegment> numbers = pieces.stream().filter(s -> LINE_NUMBERS.matcher(s.text).matches())
                .sorted(Comparator.comparingInt(s -> s.box.y)).toList();
        Set<TextSegment> code = new HashSet<>();
        Set<TextSegment> used = new HashSet<>();
        for (TextSegment first : numbers) {
            if (used.contains(first)) {
                continue;
            }
            List<TextSegment> chain = runDown(first, numbers, (tail, next) -> {
                int[] before = values(tail.text);
                int step = values(next.text)[0] - before[before.length - 1];
                return (step == 1 || step == 2)
                        && Math.abs(next.box.x + next.box.width - tail.box.x - tail.box.width) <= NUMBER_SLACK;
            });
            TextSegment tail = chain.get(chain.size() - 1);
            int count = chain.stream().mapToInt(c -> values(c.text).length).sum();
            if (count < LISTING_LINES) {
                continue;
            }
            used.addAll(chain);
            int top = chain.get(0).box.y;
            int bottom = tail.box.y + tail.box.height;
            int numbersEnd = chain.stream().mapToInt(c -> c.box.x + c.box.width).max().orElse(0);
            for (TextSegment s : pieces) {
                if (s.box.x >= numbersEnd && s.centerY() >= top && s.centerY() <= bottom) {
                    code.add(s);
                }
            }
        }
        return code;
    }

    /**
     * The lines of a block of code comments: {@link #COMMENT_LINES} or more rows, one under another, that start at
     * one place with a comment's mark ("# Copyright 2009 Facebook", "// ..."), and the rest of each of those rows
     * on the same background. A licence at the head of a listing is drawn in the comment colour, which is not a
     * link's.
     */
    private static Set<TextSegment> commentLines(List<TextSegment> pieces) {
        List<TextSegment> marks = pieces.stream().filter(s -> COMMENT.matcher(s.text).matches())
                .sorted(Comparator.comparingInt(s -> s.box.y)).toList();
        Set<TextSegment> code = new HashSet<>();
        for (TextSegment first : marks) {
            int slack = Math.max(4, first.box.height / 3);
            List<TextSegment> run = runDown(first, marks, (tail, next) -> Math.abs(next.box.x - first.box.x) <= slack
                    && Pixels.distance(next.background, first.background) <= SAME_INK);
            if (run.size() < COMMENT_LINES) {
                continue;
            }
            for (TextSegment s : pieces) {
                if (s.box.x >= first.box.x && Pixels.distance(s.background, first.background) <= SAME_INK
                        && run.stream().anyMatch(r -> r == s || r.sameRow(s))) {
                    code.add(s);
                }
            }
        }
        return code;
    }

    /** A line that starts with an interpreter's or a shell's prompt: code typed at it. */
    private static final Pattern PROMPT = Pattern.compile("(>>>|\\$)\\s");
    /** A piece that opens a comment line: "#", "//" or "--" alone or before a space. */
    private static final Pattern COMMENT = Pattern.compile("(#|//|--)(\\s.*)?");
    /** A block of comments is at least this many rows. */
    private static final int COMMENT_LINES = 3;

    /**
     * {@code first} and the pieces of {@code candidates} (sorted top to bottom) that follow it one under another:
     * each below the last taken, within its height of it, and such that {@code follows} holds for the last and it.
     */
    private static List<TextSegment> runDown(TextSegment first, List<TextSegment> candidates,
                                             java.util.function.BiPredicate<TextSegment, TextSegment> follows) {
        List<TextSegment> run = new ArrayList<>(List.of(first));
        for (TextSegment next : candidates) {
            TextSegment tail = run.get(run.size() - 1);
            if (next.box.y > tail.box.y && next.box.y - (tail.box.y + tail.box.height) <= tail.box.height
                    && follows.test(tail, next)) {
                run.add(next);
            }
        }
        return run;
    }

    private static int[] values(String text) {
        return Arrays.stream(text.strip().split("\\s+")).mapToInt(Integer::parseInt).toArray();
    }

    /** A piece that is one line number, or two or three OCR read as one. */
    private static final Pattern LINE_NUMBERS = Pattern.compile("\\d{1,5}(\\s+\\d{1,5}){0,2}");
    /** A listing's numbers: at least this many, counting up by one. */
    private static final int LISTING_LINES = 8;
    /** Right-aligned numbers end within this many pixels of each other. */
    private static final int NUMBER_SLACK = 3;

    /**
     * How many colours of their own (not greys) the pieces of the runs of code marks, {@code runs}, are drawn in:
     * highlighting gives keywords, strings, numbers and comments colours of their own, while a member list's
     * brackets stand beside names in its one link colour.
     */
    private static int hues(Set<TextSegment> runs) {
        List<Integer> hues = new ArrayList<>();
        for (TextSegment o : runs) {
            if (Pixels.chroma(o.ink) >= Pixels.HUE
                    && hues.stream().noneMatch(h -> Pixels.distance(h, o.ink) <= SAME_INK)) {
                hues.add(o.ink);
            }
        }
        return hues.size();
    }

    /**
     * Whether at least a quarter of the lines of {@code block} that have two pieces or more mix inks, as
     * highlighting colours the keywords, names and strings of one line of code. An index of functions, each
     * entry one link in one colour ("access_method (cryptography.x509.AccessDescription attribute)"), has code
     * marks and several colours on the page but one colour per line.
     */
    private static boolean manyLinesMixInks(List<TextSegment> block) {
        Map<Integer, List<TextSegment>> lines = new HashMap<>();
        block.forEach(s -> lines.computeIfAbsent(s.line, k -> new ArrayList<>()).add(s));
        long mixed = lines.values().stream().filter(line -> line.stream()
                .anyMatch(a -> Pixels.distance(a.ink, line.get(0).ink) > SAME_INK)).count();
        return mixed * 4 >= lines.size();
    }

    /**
     * Whether {@code s} stands where a menu bar does: near the top of the page or on a bar of its own colour,
     * short (at most sixteen words), and not a sentence (no comma, no full stop at its end).
     */
    /** Whether {@code s} is drawn in a colour of its own, clearly apart from the body text's ink. */
    private static boolean coloured(TextSegment s, int bodyInk) {
        return Pixels.distance(s.ink, bodyInk) >= Pixels.CLEARLY_APART && Pixels.chroma(s.ink) >= Pixels.CLEARLY_APART;
    }

    /** Whether {@code s} is underlined or coloured: drawn as links are. */
    private static boolean drawnAsLink(TextSegment s, int bodyInk) {
        return s.underlined || coloured(s, bodyInk);
    }

    private boolean placedAsMenu(TextSegment s, int pageBackground) {
        boolean placed = s.centerY() < 0.15 * pixels.height
                || Pixels.distance(s.background, pageBackground) > OutlineFinder.EDGE_THRESHOLD;
        return placed && s.words() <= 16 && !s.text.contains(",") && !s.text.endsWith(".");
    }

    /**
     * Rows of three or more short separate texts at the top of the page or on a bar of their own colour:
     * a menu, whose items are links even when they look like plain text.
     */
    private Set<TextSegment> menuItems(List<TextSegment> free, int pageBackground) {
        Set<TextSegment> items = new HashSet<>();
        for (TextSegment s : free) {
            List<TextSegment> row = free.stream().filter(o -> o.sameRow(s)).toList();
            boolean menuLike = row.size() >= 3 && row.stream().allMatch(o -> o.words() <= 4
                    && o.text.length() <= 30 && !o.text.endsWith("."));
            boolean placed = s.centerY() < 0.15 * pixels.height
                    || Pixels.distance(s.background, pageBackground) > OutlineFinder.EDGE_THRESHOLD;
            if (menuLike && placed) {
                items.add(s);
            }
        }
        return items;
    }

    /**
     * The pieces of {@code block} in runs that hold code marks: on each line, pieces at most two heights
     * apart form a run.
     */
    private static Set<TextSegment> codeRuns(List<TextSegment> block) {
        Set<TextSegment> code = new HashSet<>();
        Map<Integer, List<TextSegment>> lines = new HashMap<>();
        block.forEach(s -> lines.computeIfAbsent(s.line, k -> new ArrayList<>()).add(s));
        for (List<TextSegment> line : lines.values()) {
            line.sort(Comparator.comparingInt(s -> s.box.x));
            List<TextSegment> run = new ArrayList<>();
            for (TextSegment s : line) {
                if (!run.isEmpty()) {
                    TextSegment last = run.get(run.size() - 1);
                    if (s.box.x - (last.box.x + last.box.width) > 2 * Math.max(s.box.height, last.box.height)) {
                        addIfCode(run, code);
                        run = new ArrayList<>();
                    }
                }
                run.add(s);
            }
            addIfCode(run, code);
        }
        return code;
    }

    private static void addIfCode(List<TextSegment> run, Set<TextSegment> code) {
        if (run.stream().anyMatch(TextTyper::hasCodeMarks)) {
            code.addAll(run);
        }
    }

    private static boolean hasCodeMarks(TextSegment s) {
        return s.text.chars().anyMatch(c -> CODE_MARKS.indexOf(c) >= 0);
    }

    /** Characters common in code and rare in running text. */
    private static final String CODE_MARKS = "{}();=<>[]";
    /**
     * Whether {@code s} is a piece cut from a line that goes on beside it, a word space or two away, in a smaller or
     * lighter face: a bold keyword of a code line ("from", "import"), a function's bold name before its arguments.
     * A heading is a line of its own, or pieces of one size and weight (a title whose middle word is a link).
     */
    private static boolean amidItsLine(TextSegment s, List<TextSegment> free) {
        return free.stream().anyMatch(o -> o != s && o.line == s.line && o.sameRow(s)
                && apart(o, s) <= AMID_GAP * s.box.height
                && (o.box.height < LIGHTER * s.box.height || o.strokeRatio < LIGHTER * s.strokeRatio));
    }

    /**
     * Whether {@code s} sits closer to the link above it, which starts where it starts and is no smaller, than to
     * the line below it: the second line of a sidebar's entry ("Miscellaneous routines" over a bold
     * "( scipy.misc )"), which ends the entry above it. A heading sits closer to the text it heads than to what
     * comes before it; one larger than the line above it often has a wide margin under it, and is left alone.
     */
    private static boolean endsTheLinkAbove(TextSegment s, List<TextSegment> free,
                                            Map<TextSegment, TextRoleModel.Guess> guesses) {
        Optional<TextSegment> above = nearest(s, free, true);
        Optional<TextSegment> below = nearest(s, free, false);
        if (above.isEmpty() || below.isEmpty()
                || Math.abs(above.get().box.x - s.box.x) > Math.max(4, s.box.height / 2)
                || s.box.height > LIGHTER_ABOVE * above.get().box.height
                || guesses.get(above.get()) == null
                || guesses.get(above.get()).score(ElementType.LINK) < SURE_ENTRY
                || guesses.get(above.get()).score(ElementType.HEADING) >= NO_HEADING) {
            return false;
        }
        int gapAbove = s.box.y - (above.get().box.y + above.get().box.height);
        int gapBelow = below.get().box.y - (s.box.y + s.box.height);
        return gapAbove + Math.max(2, CLOSER * s.box.height) <= gapBelow;
    }

    /** A piece this many times the height of the link above is left alone. */
    private static final double LIGHTER_ABOVE = 1.1;
    /**
     * The model's probability of a link for the line above, at least, and of a heading, below this: the first line
     * of a heading in two lines (rustdoc's "Auto Trait / Implementations") is a link with some chance of a heading.
     */
    private static final double SURE_ENTRY = 0.5;
    private static final double NO_HEADING = 0.05;
    /** How much closer, in the piece's heights, the line above must be than the line below. */
    private static final double CLOSER = 0.15;

    /**
     * The nearest piece above (or below) {@code s}, within two of its heights, that overlaps it across.
     */
    private static Optional<TextSegment> nearest(TextSegment s, List<TextSegment> free, boolean above) {
        int top = s.box.y;
        int bottom = s.box.y + s.box.height;
        return free.stream().filter(o -> o != s && !o.sameRow(s)
                        && o.box.x < s.box.x + s.box.width && o.box.x + o.box.width > s.box.x
                        && (above ? top - (o.box.y + o.box.height) : o.box.y - bottom) >= -2
                        && (above ? top - (o.box.y + o.box.height) : o.box.y - bottom) <= 2 * s.box.height)
                .min(Comparator.comparingInt(o -> above ? top - (o.box.y + o.box.height) : o.box.y - bottom));
    }

    /**
     * A piece wholly in brackets or between stars: a link to an item's source ("[source]", "[src]"), a TOML table
     * ("[build-system]"), a Vim help tag ("*usr_23.txt*"). No heading is written so.
     */
    private static final Pattern ENCLOSED = Pattern.compile("\\[[^\\[\\]]+\\]|\\*[^*\\s]+\\*");

    /**
     * How much taller than the text under it a link with some chance of a heading must be to head it (by OCR's
     * boxes); and a piece in the body's look, by the height of its ink, to be a heading still: OCR's boxes hide
     * a size (Werkzeug's "Navigation", set twice the size of the links under it, has a box 1.15 times theirs),
     * and a line with descenders has ink 1.3 times one without.
     */
    private static final double TALLER = 1.1;
    private static final double INK_TALLER = 1.4;
    /** A box this many times the body's height sets a piece apart as a heading by its size alone. */
    private static final double LARGE = 1.3;
    /**
     * ... with ink at least this many times as tall as a body line's (the median of the running text's, by
     * characters): OCR's box for a line of small print with a logo in it (Doxygen's "Generated on ... by doxygen")
     * is as tall as the logo, while its words' ink is small.
     */
    private static final double LARGE_INK = 1.0;
    /**
     * A heading in the body's ink is at least this many times its height, or its stroke the next; drawn lighter
     * than the body, {@link #LARGE}.
     */
    private static final double PLAIN_SIZE = 1.05;
    private static final double PLAIN_WEIGHT = 1.15;

    /** What OCR reads a menu icon's three bars as. */
    private static final String MENU_MARKS = "三≡☰";
    /** The label of a menu icon: what it shows, not a name the page gives it. */
    static final String MENU_ICON = "menu icon";

    /** Whether {@code s} is the menu icon: a character OCR reads three bars as, drawn as three bars. */
    static boolean menuIcon(Pixels pixels, TextSegment s) {
        return s.text.length() == 1 && MENU_MARKS.contains(s.text) && threeBars(pixels, s.box, s.background);
    }

    /**
     * Whether the ink in {@code box} is three level bars one over another, alike in length (within an eighth),
     * thickness and spacing, each solid and at least twice as long as it is thick: the menu icon. The character
     * "三" has bars of different lengths, "≡" thin ones close together.
     */
    private static boolean threeBars(Pixels pixels, Rectangle box, int background) {
        Rectangle b = box.intersection(pixels.bounds());
        List<int[]> bars = new ArrayList<>();
        int[] bar = null;
        for (int y = b.y; y < b.y + b.height; y++) {
            int left = -1;
            int right = -1;
            int ink = 0;
            for (int x = b.x; x < b.x + b.width; x++) {
                if (pixels.inkAt(x, y, background)) {
                    left = left < 0 ? x : left;
                    right = x;
                    ink++;
                }
            }
            if (ink == 0) {
                bar = null;
                continue;
            }
            if (ink < 0.8 * (right - left + 1)) {
                return false;
            }
            if (bar == null) {
                bar = new int[] {y, y, left, right};
                bars.add(bar);
            } else {
                bar[1] = y;
                bar[2] = Math.min(bar[2], left);
                bar[3] = Math.max(bar[3], right);
            }
        }
        if (bars.size() != 3) {
            return false;
        }
        int shortest = Integer.MAX_VALUE;
        int longest = 0;
        int thinnest = Integer.MAX_VALUE;
        int thickest = 0;
        for (int[] r : bars) {
            shortest = Math.min(shortest, r[3] - r[2] + 1);
            longest = Math.max(longest, r[3] - r[2] + 1);
            thinnest = Math.min(thinnest, r[1] - r[0] + 1);
            thickest = Math.max(thickest, r[1] - r[0] + 1);
        }
        int gap1 = bars.get(1)[0] - bars.get(0)[1];
        int gap2 = bars.get(2)[0] - bars.get(1)[1];
        return shortest >= 0.875 * longest && shortest >= 2 * thickest
                && thickest - thinnest <= Math.max(1, thinnest / 2)
                && Math.abs(gap1 - gap2) <= Math.max(1, Math.min(gap1, gap2) / 2)
                && Math.abs(bars.get(0)[2] - bars.get(2)[2]) <= Math.max(1, longest / 8);
    }

    /** The model's probability of a heading that makes a link taller or bolder than what follows a heading. */
    private static final double LINK_HEADING = 0.1;

    /**
     * Whether the text right under {@code s} (the nearest piece below, within a line's height, overlapping it
     * across) is clearly smaller ({@code taller} holds for {@code s} and it) or lighter (below 1 / 1.3 of its
     * stroke).
     */
    private static boolean headsTheTextBelow(TextSegment s, List<TextSegment> free,
                                             java.util.function.BiPredicate<TextSegment, TextSegment> taller) {
        int bottom = s.box.y + s.box.height;
        return free.stream().filter(o -> o != s && o.box.y >= bottom - 2 && o.box.y - bottom <= s.box.height
                        && o.box.x < s.box.x + s.box.width && o.box.x + o.box.width > s.box.x)
                .min(Comparator.comparingInt(o -> o.box.y))
                .filter(below -> taller.test(s, below) || s.strokeRatio >= 1.3 * below.strokeRatio)
                .isPresent();
    }

    /** The rows of {@code s}'s box that hold ink on its background, from the first to the last. */
    private int inkHeight(TextSegment s) {
        int[] rows = pixels.inkRows(s.box, s.background);
        return rows[1] - rows[0] + 1;
    }

    /**
     * Whether the text role model is sure a field's label set apart from it is a heading: Sphinx's "Quick search"
     * over its search box names the box and heads the sidebar's part, as the page's author wrote it. A label right
     * against its field is always the field's (PageText's near labels never get here as headings).
     */
    private static boolean headingAbove(Optional<TextRoleModel.Guess> guess) {
        return guess.isPresent() && guess.get().score(ElementType.HEADING) >= SURE_HEADING;
    }

    /** The model's probability of a heading (any level) that outweighs a far label's being the field's. */
    private static final double SURE_HEADING = 0.9;

    /**
     * Whether {@code s} is one of {@link #COLUMN_ITEMS} entries or more stacked one under another: starting at the
     * same place, line spacing apart, in one size and one ink, the others each of {@code lone} (with nothing else
     * near it on its row: a sidebar's entries, the content beside them far).
     */
    private static boolean inAColumnOfLinks(TextSegment s, List<TextSegment> lone) {
        List<TextSegment> column = Stream.concat(Stream.of(s), lone.stream().filter(o -> o != s
                        && Math.abs(o.box.x - s.box.x) <= Math.max(4, s.box.height / 2)
                        && Math.abs(o.box.height - s.box.height) <= 0.3 * s.box.height
                        && Pixels.distance(o.ink, s.ink) < Pixels.CLEARLY_APART))
                .sorted(Comparator.comparingInt(o -> o.box.y)).toList();
        return runThrough(column, s, TextTyper::onTheNextLine) >= COLUMN_ITEMS;
    }

    /** The pieces of {@code free} with nothing else near them on their rows (within {@link #ROW_GAP} heights). */
    private static List<TextSegment> loneOnTheirRows(List<TextSegment> free) {
        return free.stream().filter(o -> free.stream().noneMatch(p -> p != o && p.sameRow(o)
                && apart(p, o) <= ROW_GAP * o.box.height)).toList();
    }

    /**
     * How many pieces of {@code ordered} (in order along a row or a column) make the unbroken run through {@code s}
     * in which each piece and the next are {@code linked}.
     */
    private static int runThrough(List<TextSegment> ordered, TextSegment s,
                                  BiPredicate<TextSegment, TextSegment> linked) {
        int at = ordered.indexOf(s);
        int first = at;
        while (first > 0 && linked.test(ordered.get(first - 1), ordered.get(first))) {
            first--;
        }
        int last = at;
        while (last + 1 < ordered.size() && linked.test(ordered.get(last), ordered.get(last + 1))) {
            last++;
        }
        return last - first + 1;
    }

    /** Whether {@code below} starts on the line after {@code above}: at most a line's height of space between. */
    private static boolean onTheNextLine(TextSegment above, TextSegment below) {
        int gap = below.box.y - (above.box.y + above.box.height);
        return gap >= -2 && gap <= COLUMN_GAP * above.box.height;
    }

    /**
     * Marks of an expression or a line of code ("--indent=&lt;string&gt;", {@code msgid "bar"}, "#: main.py:3"): a
     * table of contents names sections and functions, not these.
     */
    private static final Pattern EXPRESSION = Pattern.compile("[=<>\"#{}%]");
    /** A background at most this far from the page's is the page's own (a code block's tint is farther). */
    private static final int PLAIN_PAGE = 4;
    /** An entry of a table of contents has at most this many words; longer lines are a paragraph's. */
    private static final int ENTRY_WORDS = 4;
    /** Entries alike stacked in a column this long are a list of links. */
    private static final int COLUMN_ITEMS = 3;
    /** Entries of a column stand at most this many of their heights apart. */
    private static final double COLUMN_GAP = 1.2;

    /**
     * Whether {@code s} stands in a row of pieces in its own size, weight and ink, one to a few heights apart: a tab
     * bar (Doxygen's "Related Pages  Data Structures  Files") or a table's header row, three items or more side
     * by side that are no headings, however bold. A section's number set apart before its title ("3.20.1.
     * Activate the Command") is part of the heading.
     */
    private static boolean inARowOfLikes(TextSegment s, List<TextSegment> free) {
        if (SECTION_NUMBER.matcher(s.text).matches()) {
            return false;
        }
        List<TextSegment> row = free.stream().filter(o -> o == s || o.sameRow(s)
                        && !SECTION_NUMBER.matcher(o.text).matches()
                        && Math.abs(o.box.height - s.box.height) <= 0.15 * s.box.height
                        && Math.abs(o.strokeRatio - s.strokeRatio) <= 0.15 * s.strokeRatio
                        && Pixels.distance(o.ink, s.ink) <= SAME_INK)
                .sorted(Comparator.comparingInt(o -> o.box.x)).toList();
        return runThrough(row, s, TextTyper::sideBySide) >= ROW_ITEMS;
    }

    /** Whether two alike pieces of a row are items side by side: farther apart than words, not far. */
    private static boolean sideBySide(TextSegment a, TextSegment b) {
        int gap = apart(a, b);
        return gap >= AMID_GAP * a.box.height && gap <= ROW_GAP * a.box.height;
    }

    /** A row of this many alike items or more is a tab bar or a table's header row. */
    private static final int ROW_ITEMS = 3;

    /** A section's number: "3.", "12.8.1.", "A.2". */
    private static final Pattern SECTION_NUMBER = Pattern.compile("\\d+(\\.\\d+)*\\.?|[A-Z](\\.\\d+)+\\.?|[A-Z]\\.");

    /** The gap between two pieces of a row. */
    private static int apart(TextSegment a, TextSegment b) {
        return Math.max(b.box.x - (a.box.x + a.box.width), a.box.x - (b.box.x + b.box.width));
    }

    /**
     * Pieces of a row this many of their heights apart or less stand side by side; closer than {@link #AMID_GAP}
     * they are words of one title.
     */
    private static final double ROW_GAP = 4;

    /** A piece of a line this many of its heights or less from another piece of the line stands amid it. */
    private static final double AMID_GAP = 1.0;
    /** A neighbour below this share of a piece's height or stroke is set in a smaller or lighter face. */
    private static final double LIGHTER = 0.75;

    /**
     * A search box's hint: "Search", "Search the docs", "搜索文档" and so on, most often ending in an ellipsis
     * (group 2; OCR sometimes leaves it out); a magnifier before it is read by OCR as "Q" or not at all. Group 1
     * is the hint without the ellipsis; a label ends in a colon ("Search terms:") and is none. With the ellipsis
     * the hint is a field unless it is darker than the body text; without it, only alone on its row and clearly
     * paler than the body text.
     */
    static final Pattern SEARCH_HINT = Pattern.compile(
            "(?:[Qq@]\\s*)?((?:Search|search|搜索)[^.…:：]{0,30}?)\\s*(\\.{2,}|…)?\\s*");

    /**
     * For each search hint of {@code free} that has one, the magnifier just before it that OCR read as a letter of
     * its own ("Q", cut off by its paler colour): it is the search box's, not text beside it.
     */
    private static Map<TextSegment, TextSegment> magnifiers(List<TextSegment> free) {
        Map<TextSegment, TextSegment> found = new HashMap<>();
        for (TextSegment s : free) {
            if (!SEARCH_HINT.matcher(s.text).matches()) {
                continue;
            }
            free.stream().filter(o -> o != s && MAGNIFIER.matcher(o.text).matches() && o.sameRow(s)
                            && o.box.x + o.box.width <= s.box.x
                            && s.box.x - (o.box.x + o.box.width) <= 2 * s.box.height)
                    .findFirst().ifPresent(m -> found.put(s, m));
        }
        return found;
    }

    /** What OCR reads a search box's magnifier as. */
    private static final Pattern MAGNIFIER = Pattern.compile("[Qq@]");

    /** Whether {@code ink} is nearer {@code background} than the body's ink is by a clear margin: a pale hint. */
    private static boolean paler(int ink, int bodyInk, int background) {
        return Pixels.distance(ink, background) + PALER <= Pixels.distance(bodyInk, background);
    }

    /** Whether {@code ink} is farther from {@code background} than the body's ink: darker text on a light page. */
    private static boolean darker(int ink, int bodyInk, int background) {
        return Pixels.distance(ink, background) > Pixels.distance(bodyInk, background);
    }

    /** A hint's ink is at least this much nearer the background than the body's ink. */
    private static final int PALER = 20;

    /** A line parted by its colours into this many pieces or more is a bar of items (a menu). */
    private static final int MENU_PIECES = 3;

    /** Colours at most this far apart count as one. */
    private static final int SAME_INK = 40;

    /**
     * The body text's ink: the grey or black most of the plain-coloured text has (by characters), when at
     * least a fifth of the text is grey or black; else the colour most of the text has. On an index page
     * whose links outnumber its plain words, the links' colour would otherwise pass for the body's.
     */
    private static int bodyInk(List<TextSegment> list) {
        List<TextSegment> neutral = list.stream().filter(s -> Pixels.chroma(s.ink) < Pixels.GREY_BELOW).toList();
        long neutralChars = neutral.stream().mapToLong(s -> s.text.length()).sum();
        long allChars = list.stream().mapToLong(s -> s.text.length()).sum();
        return !neutral.isEmpty() && neutralChars * 5 >= allChars ? mostCommonInk(neutral) : mostCommonInk(list);
    }

    /**
     * The ink colour most of the text has (by characters), grouping colours that differ only slightly; taken from
     * the colours that are common in their own right, not one that merely lies between two groups (Javadoc's dark
     * slate heading ink, on two lines, stands within reach of both its grey text and its slate blue links, and
     * taken for the body's it made the links pass for body text).
     */
    private static int mostCommonInk(List<TextSegment> list) {
        long common = list.stream().mapToLong(s -> weight(s.ink, list, SAME_INK / 3)).max().orElse(0);
        List<TextSegment> candidates = list.stream()
                .filter(s -> weight(s.ink, list, SAME_INK / 3) * COMMON_SHARE >= common).toList();
        return heaviestInk(candidates, list, SAME_INK);
    }

    /** A body ink candidate has at least 1 / this of the characters the commonest colour has, colour for colour. */
    private static final int COMMON_SHARE = 4;

    /** The characters of {@code list} whose ink lies within {@code reach} of {@code ink}. */
    private static long weight(int ink, List<TextSegment> list, int reach) {
        return list.stream().filter(o -> Pixels.distance(ink, o.ink) <= reach).mapToLong(o -> o.text.length()).sum();
    }

    /** The ink of {@code candidates} that the most characters of {@code list} lie within {@code reach} of. */
    private static int heaviestInk(List<TextSegment> candidates, List<TextSegment> list, int reach) {
        int best = candidates.get(0).ink;
        long bestWeight = -1;
        for (TextSegment s : candidates) {
            long weight = weight(s.ink, list, reach);
            if (weight > bestWeight) {
                bestWeight = weight;
                best = s.ink;
            }
        }
        return best;
    }


}
