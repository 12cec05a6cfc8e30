package org.sightline.app.browse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.sightline.vision.elements.Element;
import org.sightline.vision.elements.ElementMap;
import org.sightline.vision.elements.ElementType;
import org.sightline.vision.elements.LabelMatcher;

/**
 * Answers the user's chat requests about the elements of the last screen capture: "list the links",
 * "where is the search box?", "click Sign in", "type hello into search" (and the same in Chinese). A click
 * or typing request only yields a {@link RequestAnswer.Proposal}: it acts after the confirmation key.
 * Only the user's own words are parsed as requests; the labels of the elements (text on the screen) are
 * only ever compared with them, so a page that says "click Delete" can never start an action.
 */
public final class ElementRequests {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern TYPE = Pattern.compile(
            "^(?:please\\s+)?(?:type|enter|write|put|fill in)\\s+[\"'“‘]?(.+?)[\"'”’]?\\s+(?:into|in|on|to)\\s+(.+)$", FLAGS);
    private static final Pattern FILL = Pattern.compile(
            "^(?:please\\s+)?fill(?: in)?\\s+(.+?)\\s+with\\s+[\"'“‘]?(.+?)[\"'”’]?$", FLAGS);
    private static final Pattern TYPE_ZH = Pattern.compile("^(?:请)?在(.+?)(?:中|里|里面)?输入[“\"]?(.+?)[”\"]?$");
    private static final Pattern TYPE_ZH2 = Pattern.compile("^(?:请)?输入[“\"]?(.+?)[”\"]?到(.+)$");
    private static final Pattern CLICK = Pattern.compile(
            "^(?:please\\s+)?(?:click|press|tap|push|activate|open|follow|select|choose|check|tick)(?:\\s+on)?\\s+(.+)$", FLAGS);
    private static final Pattern CLICK_ZH = Pattern.compile("^(?:请)?(?:点击|点一下|点|按下|按|打开|选择|勾选)(.+)$");
    private static final Pattern WHERE = Pattern.compile(
            "^(?:where(?:'s|\\s+is|\\s+are)|find|locate|show me)\\s+(.+?)\\??$", FLAGS);
    private static final Pattern WHERE_ZH = Pattern.compile("^(.+?)在哪(?:里|儿)?[？?]?$");
    private static final Pattern LIST = Pattern.compile(
            "^(?:please\\s+)?(?:list|read|show|say|tell me|what are|which are|how many|are there any"
                    + "|(?:what|which)\\s+(?:links|buttons|headings|fields|images|pictures|graphics|checkboxes"
                    + "|radio buttons|inputs|text fields|form fields))\\b.*", FLAGS);
    private static final Pattern LIST_ZH = Pattern.compile("^(?:请)?(?:列出|读出|读|有哪些|有什么|显示).*|.*有哪些.*");

    /** Words in a request that name a type, and the type; longest first so "search box" wins over "box". */
    private static final Map<String, ElementType> TYPE_WORDS = new LinkedHashMap<>();

    static {
        TYPE_WORDS.put("radio buttons", ElementType.RADIO);
        TYPE_WORDS.put("radio button", ElementType.RADIO);
        TYPE_WORDS.put("check boxes", ElementType.CHECKBOX);
        TYPE_WORDS.put("check box", ElementType.CHECKBOX);
        TYPE_WORDS.put("checkboxes", ElementType.CHECKBOX);
        TYPE_WORDS.put("checkbox", ElementType.CHECKBOX);
        TYPE_WORDS.put("form fields", ElementType.FIELD);
        TYPE_WORDS.put("text fields", ElementType.FIELD);
        TYPE_WORDS.put("text field", ElementType.FIELD);
        TYPE_WORDS.put("text box", ElementType.FIELD);
        TYPE_WORDS.put("edit field", ElementType.FIELD);
        TYPE_WORDS.put("fields", ElementType.FIELD);
        TYPE_WORDS.put("field", ElementType.FIELD);
        TYPE_WORDS.put("boxes", ElementType.FIELD);
        TYPE_WORDS.put("box", ElementType.FIELD);
        TYPE_WORDS.put("inputs", ElementType.FIELD);
        TYPE_WORDS.put("input", ElementType.FIELD);
        TYPE_WORDS.put("radios", ElementType.RADIO);
        TYPE_WORDS.put("radio", ElementType.RADIO);
        TYPE_WORDS.put("buttons", ElementType.BUTTON);
        TYPE_WORDS.put("button", ElementType.BUTTON);
        TYPE_WORDS.put("links", ElementType.LINK);
        TYPE_WORDS.put("link", ElementType.LINK);
        TYPE_WORDS.put("headings", ElementType.HEADING);
        TYPE_WORDS.put("heading", ElementType.HEADING);
        TYPE_WORDS.put("headlines", ElementType.HEADING);
        TYPE_WORDS.put("titles", ElementType.HEADING);
        TYPE_WORDS.put("images", ElementType.IMAGE);
        TYPE_WORDS.put("image", ElementType.IMAGE);
        TYPE_WORDS.put("pictures", ElementType.IMAGE);
        TYPE_WORDS.put("picture", ElementType.IMAGE);
        TYPE_WORDS.put("graphics", ElementType.IMAGE);
        TYPE_WORDS.put("graphic", ElementType.IMAGE);
        TYPE_WORDS.put("单选按钮", ElementType.RADIO);
        TYPE_WORDS.put("复选框", ElementType.CHECKBOX);
        TYPE_WORDS.put("输入框", ElementType.FIELD);
        TYPE_WORDS.put("搜索框", ElementType.FIELD);
        TYPE_WORDS.put("文本框", ElementType.FIELD);
        TYPE_WORDS.put("按钮", ElementType.BUTTON);
        TYPE_WORDS.put("链接", ElementType.LINK);
        TYPE_WORDS.put("标题", ElementType.HEADING);
        TYPE_WORDS.put("图片", ElementType.IMAGE);
        TYPE_WORDS.put("图像", ElementType.IMAGE);
    }

    private ElementRequests() {
    }

    /**
     * The answer to {@code request} from {@code map}, or empty when the request is not about the elements
     * (then the chat should answer it another way, by describing the capture).
     */
    public static Optional<RequestAnswer> answer(String request, ElementMap map) {
        String r = request.strip().replaceAll("[.!。！]+$", "").strip();
        Matcher m;
        if ((m = TYPE.matcher(r)).matches()) {
            return Optional.of(typeInto(m.group(2), m.group(1), map));
        }
        if ((m = FILL.matcher(r)).matches()) {
            return Optional.of(typeInto(m.group(1), m.group(2), map));
        }
        if ((m = TYPE_ZH.matcher(r)).matches()) {
            return Optional.of(typeInto(m.group(1), m.group(2), map));
        }
        if ((m = TYPE_ZH2.matcher(r)).matches()) {
            return Optional.of(typeInto(m.group(2), m.group(1), map));
        }
        if ((m = CLICK.matcher(r)).matches() || (m = CLICK_ZH.matcher(r)).matches()) {
            return Optional.of(click(m.group(1), map));
        }
        if ((m = WHERE.matcher(r)).matches() || (m = WHERE_ZH.matcher(r)).matches()) {
            return Optional.of(where(m.group(1), map));
        }
        if (LIST.matcher(r).matches() || LIST_ZH.matcher(r).matches()) {
            ElementType type = typeIn(r);
            if (type != null) {
                return Optional.of(list(type, map));
            }
        }
        return Optional.empty();
    }

    private static RequestAnswer list(ElementType type, ElementMap map) {
        List<Element> found = type == ElementType.FIELD
                ? map.elements().stream().filter(e -> e.type().isFormField()).toList() : map.ofType(type);
        if (found.isEmpty()) {
            return new RequestAnswer.Spoken(ElementWords.MESSAGES.get("request.listNone", ElementWords.typePlural(type)));
        }
        String names = found.stream().map(e -> type == ElementType.FIELD ? ElementWords.target(e)
                : ElementWords.shortName(e)).collect(Collectors.joining(", "));
        return new RequestAnswer.Spoken(ElementWords.MESSAGES.get("request.list", found.size(),
                found.size() == 1 ? ElementWords.typeName(type) : ElementWords.typePlural(type), names));
    }

    private static RequestAnswer where(String phrase, ElementMap map) {
        Optional<Element> e = find(phrase, map, null);
        if (e.isEmpty()) {
            return new RequestAnswer.Spoken(ElementWords.MESSAGES.get("request.notFound", phrase));
        }
        String name = ElementWords.target(e.get());
        name = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return new RequestAnswer.Spoken(ElementWords.MESSAGES.get("request.where", name,
                ElementWords.placement(e.get(), map)));
    }

    private static RequestAnswer click(String phrase, ElementMap map) {
        if (!map.onScreen()) {
            return new RequestAnswer.Spoken(ElementWords.MESSAGES.get("action.notScreen"));
        }
        Optional<Element> e = find(phrase, map, null);
        return e.<RequestAnswer>map(el -> new RequestAnswer.Proposal(ProposedAction.click(el)))
                .orElseGet(() -> new RequestAnswer.Spoken(ElementWords.MESSAGES.get("request.notFound", phrase)));
    }

    /**
     * Typing goes only into a text field: the one whose label answers to {@code phrase}, else the field beside
     * the element that does (a search box often has no label, only its Search button). When there is none, the
     * answer says what matched instead and that it takes no text.
     */
    private static RequestAnswer typeInto(String phrase, String text, ElementMap map) {
        if (!map.onScreen()) {
            return new RequestAnswer.Spoken(ElementWords.MESSAGES.get("action.notScreen"));
        }
        List<Element> fields = map.ofType(ElementType.FIELD);
        ElementMap onlyFields = new ElementMap(fields, map.regions(), map.imageWidth(), map.imageHeight(),
                map.onScreen());
        Optional<Element> field = find(phrase, onlyFields, ElementType.FIELD);
        Optional<Element> named = find(phrase, map, ElementType.FIELD);
        if (field.isEmpty() && named.isPresent()) {
            // An unlabelled box is called what the user called it, after its button: "Search edit field".
            Element by = named.get();
            field = beside(by, fields).map(f -> f.label().isEmpty()
                    ? new Element(f.type(), by.label(), f.box(), f.imageBox(), f.confidence()) : f);
        }
        if (field.isPresent()) {
            return new RequestAnswer.Proposal(ProposedAction.type(field.get(), text.strip()));
        }
        return new RequestAnswer.Spoken(named
                .map(other -> ElementWords.MESSAGES.get("request.notAField", phrase, ElementWords.target(other)))
                .orElseGet(() -> ElementWords.MESSAGES.get("request.noField", phrase)));
    }

    /** The field on the same line as {@code element} and nearest to it, if one is close (within two heights). */
    private static Optional<Element> beside(Element element, List<Element> fields) {
        java.awt.Rectangle b = element.box();
        return fields.stream()
                .filter(f -> f != element)
                .filter(f -> f.box().getCenterY() >= b.y && f.box().getCenterY() <= b.y + b.height
                        || b.getCenterY() >= f.box().y && b.getCenterY() <= f.box().y + f.box().height)
                .filter(f -> gap(f.box(), b) <= 2 * Math.max(b.height, f.box().height))
                .min(java.util.Comparator.comparingInt(f -> gap(f.box(), b)));
    }

    private static int gap(java.awt.Rectangle a, java.awt.Rectangle b) {
        return Math.max(0, Math.max(a.x - (b.x + b.width), b.x - (a.x + a.width)));
    }

    /** The element {@code phrase} names; a type word in it ("the search box") steers the choice. */
    static Optional<Element> find(String phrase, ElementMap map, ElementType defaultType) {
        String p = " " + phrase.strip().replaceAll("[?？]+$", "").toLowerCase(Locale.ROOT) + " ";
        ElementType type = typeIn(p);
        if (type != null) {
            for (String word : TYPE_WORDS.keySet()) {
                if (TYPE_WORDS.get(word) == type) {
                    p = word.codePointAt(0) > 0x2e80 ? p.replace(word, " ") : p.replace(" " + word + " ", " ");
                }
            }
        }
        p = p.replaceAll("^\\s*(the|a|an|that|this|on)\\s+", " ").replaceAll("\\s+(please)\\s*$", " ")
                .replaceAll("^\\s*(那个|这个)", "").strip();
        ElementType preferred = type != null ? type : defaultType;
        if (p.isEmpty() && preferred != null) {
            List<Element> ofType = map.elements().stream().filter(e -> e.is(preferred)).toList();
            return ofType.size() == 1 ? Optional.of(ofType.get(0)) : Optional.empty();
        }
        return LabelMatcher.best(p, map.elements(), preferred);
    }

    private static ElementType typeIn(String text) {
        String t = " " + text.toLowerCase(Locale.ROOT) + " ";
        for (Map.Entry<String, ElementType> e : TYPE_WORDS.entrySet()) {
            String w = e.getKey();
            boolean chinese = w.codePointAt(0) > 0x2e80;
            if (chinese ? t.contains(w) : t.matches("(?s).*[^\\p{L}]" + Pattern.quote(w) + "[^\\p{L}].*")) {
                return e.getValue();
            }
        }
        return null;
    }
}
