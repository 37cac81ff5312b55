package org.hotline.gateway.languages;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import org.hotline.gateway.flow.Flow;
import org.hotline.gateway.flow.FlowState;
import org.hotline.gateway.flow.Input;
import org.hotline.gateway.flow.Node;

/**
 * The language a person writes in, among the hotline's, when the text says so clearly enough to
 * ask "would you like to continue in …?" (Lingua, restricted to the hotline's languages it knows).
 * No guess for text that is too short or mixes scripts, for languages Lingua cannot tell apart
 * (Dari and Farsi are one written Persian to it), or for text with the letters of a hotline language
 * it does not know at all (Pashto, Kurdish): those people get the menu, which is never wrong.
 * The models are loaded on the first guess, for those languages only, in Lingua's high-accuracy
 * mode: its low-accuracy mode needs a twentieth of the memory but took a French greeting for English
 * with confidence (bench/run languages quotes both costs).
 */
public class WrittenLanguages {

    /** The hotline languages Lingua knows under another language's code. */
    private static final Map<String, String> WRITTEN_AS = Map.of("prs", "fa");

    /**
     * Letters of hotline languages Lingua does not know, absent from the languages it would take
     * them for: Pashto's own letters beside Persian and Urdu; Kurdish: Sorani's letters, and Kurmanji's
     * ê (in nearly every sentence of it, never in Turkish; a French text with it gets the menu).
     */
    private static final Map<String, String> OWN_LETTERS = Map.of(
            "ps", "ښږځڅګڼېۍ",
            "ku", "ێڵۆڕەêÊ");

    static final int MIN_LETTERS = 10;
    static final int MIN_WORDS = 2;
    /** The share of letters in one script below which a text counts as mixed. */
    static final double ONE_SCRIPT = 0.8;
    /** Lingua's confidence (they sum to 1 over the candidates) a guess needs. */
    static final double CONFIDENT = 0.75;

    private final Map<Language, List<String>> hotlineCodes;
    private final Map<String, String> ownLetters;
    private volatile LanguageDetector detector;

    public WrittenLanguages(Set<String> hotlineLanguages) {
        Map<Language, List<String>> codes = new EnumMap<>(Language.class);
        for (String code : hotlineLanguages) {
            lingua(WRITTEN_AS.getOrDefault(code, code)).ifPresent(l -> codes.computeIfAbsent(l, k -> new ArrayList<>()).add(code));
        }
        this.hotlineCodes = codes;
        Map<String, String> letters = new HashMap<>();
        OWN_LETTERS.forEach((code, own) -> {
            if (hotlineLanguages.contains(code) && lingua(code).isEmpty()) {
                letters.put(code, own);
            }
        });
        this.ownLetters = letters;
    }

    /** The hotline languages a guess can name: those Lingua knows and can tell from the others. */
    public Set<String> detectable() {
        Set<String> codes = new java.util.TreeSet<>();
        hotlineCodes.values().stream().filter(c -> c.size() == 1).forEach(codes::addAll);
        return codes;
    }

    /**
     * A typed reply as the flow engine takes it: at the language menu, before anything was offered,
     * with the language it is clearly written in (the real chats and the test line alike).
     */
    public Input.Text read(Flow flow, FlowState state, String text) {
        boolean guess = !state.ended() && flow.node(state.node()) instanceof Node.LanguageMenu && state.facts().writtenLanguage() == null;
        return new Input.Text(text, guess ? guess(text).orElse(null) : null);
    }

    /** The hotline language {@code text} is clearly written in, or empty. */
    public Optional<String> guess(String text) {
        if (text == null || !longEnough(text) || !oneScript(text) || hasLettersOfAnUnknownLanguage(text)) {
            return Optional.empty();
        }
        SortedMap<Language, Double> confidence = detector().computeLanguageConfidenceValues(text);
        if (confidence.isEmpty()) {
            return Optional.empty();
        }
        Language best = confidence.firstKey();
        List<String> codes = hotlineCodes.getOrDefault(best, List.of());
        return confidence.get(best) >= CONFIDENT && codes.size() == 1 ? Optional.of(codes.getFirst()) : Optional.empty();
    }

    private static boolean longEnough(String text) {
        int letters = 0;
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetter(text.charAt(i));
            letters += letter ? 1 : 0;
            if (letter && !inWord) {
                words++;
            }
            inWord = letter || (inWord && !Character.isWhitespace(text.charAt(i)) && !isPunctuation(text.charAt(i)));
        }
        return letters >= MIN_LETTERS && words >= MIN_WORDS;
    }

    private static boolean isPunctuation(char c) {
        int type = Character.getType(c);
        return type == Character.OTHER_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION;
    }

    private static boolean oneScript(String text) {
        Map<Character.UnicodeScript, Integer> scripts = new LinkedHashMap<>();
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isLetter(codePoint)) {
                scripts.merge(Character.UnicodeScript.of(codePoint), 1, Integer::sum);
                letters++;
            }
        }
        int most = scripts.values().stream().max(Integer::compare).orElse(0);
        return letters > 0 && most >= ONE_SCRIPT * letters;
    }

    private boolean hasLettersOfAnUnknownLanguage(String text) {
        for (String letters : ownLetters.values()) {
            for (int i = 0; i < letters.length(); i++) {
                if (text.indexOf(letters.charAt(i)) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private LanguageDetector detector() {
        LanguageDetector built = detector;
        if (built == null) {
            synchronized (this) {
                if (detector == null) {
                    detector = LanguageDetectorBuilder.fromLanguages(hotlineCodes.keySet().toArray(Language[]::new)).build();
                }
                built = detector;
            }
        }
        return built;
    }

    private static Optional<Language> lingua(String code) {
        if (code.length() != 2) {
            return Optional.empty();
        }
        try {
            Language language = Language.Companion.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase()));
            return language == Language.UNKNOWN ? Optional.empty() : Optional.of(language);
        } catch (IllegalArgumentException | java.util.NoSuchElementException notKnown) {
            return Optional.empty();
        }
    }
}
