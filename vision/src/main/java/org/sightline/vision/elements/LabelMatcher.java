package org.sightline.vision.elements;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the element a person means by a few words ("log in" for a button labelled "Sign in", "search" for a
 * field labelled "Search products"). Words are compared after folding case and punctuation and after
 * replacing common UI phrases by one name per meaning (a synonyms table, {@code synonyms.txt}); the score
 * is the best of word overlap, containment and character-trigram similarity, so OCR slips ("Sign ln") still
 * match. A small text-embedding model was left out: see docs/decisions/0009-element-map.md.
 */
public final class LabelMatcher {

    /** Below this score a label is not what was asked for. */
    public static final double THRESHOLD = 0.5;

    private static final Map<String, String> SYNONYMS = loadSynonyms();

    private LabelMatcher() {
    }

    /** How well {@code label} answers to {@code query}, from 0 (not at all) to 1 (the same words). */
    public static double score(String query, String label) {
        String q = canonical(query);
        String l = canonical(label);
        if (q.isEmpty() || l.isEmpty()) {
            return 0;
        }
        if (q.equals(l)) {
            return 1;
        }
        Set<String> qt = tokens(q);
        Set<String> lt = tokens(l);
        Set<String> common = new HashSet<>(qt);
        common.retainAll(lt);
        double dice = 2.0 * common.size() / (qt.size() + lt.size());
        double containment = common.size() == qt.size() ? 0.75 + 0.2 * qt.size() / lt.size() : 0;
        // Spelling slips of OCR ("Sign ln") show in the letters, not in the words.
        double trigram = 0.8 * trigramDice(plain(query), plain(label));
        double best = Math.min(1, Math.max(dice, Math.max(containment, trigram)));
        boolean bothNamed = qt.stream().anyMatch(t -> t.startsWith("~")) && lt.stream().anyMatch(t -> t.startsWith("~"));
        if (bothNamed && common.isEmpty()) {
            // "Sign in" and "Sign out" look alike but name different things.
            best = Math.min(best, 0.3);
        }
        return best;
    }

    /**
     * The element that best answers to {@code query}, among those of {@code preferred} type when given (an
     * element of another type needs a clearly better label to win), or empty when none is close enough.
     */
    public static Optional<Element> best(String query, List<Element> elements, ElementType preferred) {
        return elements.stream()
                .filter(e -> !e.label().isEmpty())
                .map(e -> Map.entry(e, weighted(query, e, preferred)))
                .filter(en -> en.getValue() >= THRESHOLD)
                .max(Comparator.comparingDouble(Map.Entry::getValue))
                .map(Map.Entry::getKey);
    }

    private static double weighted(String query, Element e, ElementType preferred) {
        double s = score(query, e.label());
        if (preferred != null) {
            s *= e.is(preferred) || preferred == ElementType.FIELD && e.type().isFormField() ? 1.0 : 0.7;
        }
        return s;
    }

    /** Lower case, punctuation removed. */
    static String plain(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return s.replaceAll("[\\p{Punct}\\p{IsPunctuation}…·]+", " ").replaceAll("\\s+", " ").strip();
    }

    /** {@link #plain} with UI phrases replaced by one name per meaning ("log in" and "sign in" by "~1"). */
    static String canonical(String text) {
        String s = plain(text);
        if (s.isEmpty()) {
            return s;
        }
        String padded = " " + s + " ";
        for (Map.Entry<String, String> e : SYNONYMS.entrySet()) {
            padded = padded.replace(" " + e.getKey() + " ", " " + e.getValue() + " ");
        }
        return padded.strip();
    }

    private static Set<String> tokens(String s) {
        Set<String> out = new HashSet<>();
        for (String t : s.split(" ")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static double trigramDice(String a, String b) {
        List<String> ta = trigrams(a);
        List<String> tb = trigrams(b);
        if (ta.isEmpty() || tb.isEmpty()) {
            return 0;
        }
        List<String> rest = new ArrayList<>(tb);
        int common = 0;
        for (String t : ta) {
            if (rest.remove(t)) {
                common++;
            }
        }
        return 2.0 * common / (ta.size() + tb.size());
    }

    private static List<String> trigrams(String s) {
        String p = "  " + s + " ";
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 3 <= p.length(); i++) {
            out.add(p.substring(i, i + 3));
        }
        return out;
    }

    /** Phrase to canonical name, longest phrases first so "log in" is replaced before "log". */
    private static Map<String, String> loadSynonyms() {
        List<String[]> pairs = new ArrayList<>();
        int meanings = 0;
        try (InputStream in = LabelMatcher.class.getResourceAsStream("synonyms.txt")) {
            if (in == null) {
                throw new IllegalStateException("synonyms.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] words = line.split("\\s*,\\s*");
                String canonical = "~" + (meanings++);
                for (String w : words) {
                    pairs.add(new String[] {w.toLowerCase(Locale.ROOT), canonical});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pairs.sort(Comparator.comparingInt((String[] p) -> -p[0].length()));
        Map<String, String> map = new LinkedHashMap<>();
        pairs.forEach(p -> map.putIfAbsent(p[0], p[1]));
        return map;
    }
}
