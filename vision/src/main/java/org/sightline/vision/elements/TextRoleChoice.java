package org.sightline.vision.elements;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides the type of a piece of free text (text no control took) from the rules' verdict and the text role
 * model's guess, keeping each where it measured better on the corpus's validation packages (decision record
 * 0013):
 *
 * <ul>
 *   <li>Heading, link or plain text: the model's. The rules, which judge height, stroke and colour against
 *       the page's body text, took bold words and site names for headings and read a table of contents of
 *       plain-coloured links as text; the model also sees where the text stands and what surrounds it.</li>
 *   <li>Syntax-highlighted code and the texts taken as a field's label stay as the rules say (text): a code
 *       block's colours mark keywords, not links, and a field's label is not a heading however bold. The model
 *       saw too little of either to overrule that: on a drawn editor it read the short coloured lines of a dark
 *       code panel as a navigation menu. Only the runs of a line that hold code marks count as code, so the
 *       prose, headings and links around a pale code panel are still the model's.</li>
 *   <li>Buttons and fields stay the rules' (found by their outline before this): the corpus had too few of them
 *       for the model to learn, so the model's "button" is not taken on free text.</li>
 * </ul>
 */
final class TextRoleChoice {

    /**
     * The type chosen, how sure it is (0 to 1, before the OCR confidence is applied) and, for a heading the model
     * took, its level (0 when the rules made it a heading: they judge size against the body, not the outline).
     */
    record Choice(ElementType type, double certainty, int headingLevel) {

        Choice(ElementType type, double certainty) {
            this(type, certainty, 0);
        }
    }

    private TextRoleChoice() {
    }

    /**
     * @param settled true when the rules' verdict stands whatever the model says (code, a field's label)
     * @param headingPossible false for text that cannot be a heading (a name cut out of a word, as a linked
     *     name is from the brackets after it): the model's heading roles are then left out
     */
    static Choice choose(ElementType ruled, double ruledCertainty, boolean settled,
                         Optional<TextRoleModel.Guess> guess, boolean headingPossible) {
        if (settled || guess.isEmpty()) {
            return new Choice(ruled, ruledCertainty);
        }
        // The probability of each element type is the sum over its roles (a heading of any level, a link in
        // the content or in a menu); a button's text is left out, and a field's label is text in the map.
        EnumMap<ElementType, Double> byType = new EnumMap<>(ElementType.class);
        double total = 0;
        for (TextRole role : TextRole.values()) {
            if (role != TextRole.BUTTON && (headingPossible || role.elementType() != ElementType.HEADING)) {
                byType.merge(role.elementType(), guess.get().score(role), Double::sum);
                total += guess.get().score(role);
            }
        }
        ElementType best = ElementType.TEXT;
        for (Map.Entry<ElementType, Double> e : byType.entrySet()) {
            if (e.getValue() > byType.get(best)) {
                best = e.getKey();
            }
        }
        double certainty = total > 0 ? byType.get(best) / total : ruledCertainty;
        return new Choice(best, certainty, best == ElementType.HEADING ? guess.get().headingLevel() : 0);
    }
}
