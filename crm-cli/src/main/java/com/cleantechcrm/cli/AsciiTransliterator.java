package com.cleantechcrm.cli;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Turns names in Latin, Greek or Cyrillic script into lower-case ASCII for email addresses: diacritics are dropped,
 * letters without a decomposition ({@code ł}, {@code ø}, {@code ß}, {@code þ}) get their usual Latin spelling, and
 * Greek and Cyrillic letters are romanized letter by letter (a simplified ELOT 743, with ου as ou and a simplified Ukrainian/Russian
 * scheme). Any other character is dropped.
 */
final class AsciiTransliterator {

    private static final Map<Character, String> LETTERS = Map.ofEntries(
            // Latin letters that Unicode does not decompose into a base letter and a mark
            Map.entry('ł', "l"),
            Map.entry('ø', "o"),
            Map.entry('æ', "ae"),
            Map.entry('œ', "oe"),
            Map.entry('ß', "ss"),
            Map.entry('đ', "d"),
            Map.entry('þ', "th"),
            Map.entry('ð', "d"),
            Map.entry('ı', "i"),
            // Greek
            Map.entry('α', "a"),
            Map.entry('β', "v"),
            Map.entry('γ', "g"),
            Map.entry('δ', "d"),
            Map.entry('ε', "e"),
            Map.entry('ζ', "z"),
            Map.entry('η', "i"),
            Map.entry('θ', "th"),
            Map.entry('ι', "i"),
            Map.entry('κ', "k"),
            Map.entry('λ', "l"),
            Map.entry('μ', "m"),
            Map.entry('ν', "n"),
            Map.entry('ξ', "x"),
            Map.entry('ο', "o"),
            Map.entry('π', "p"),
            Map.entry('ρ', "r"),
            Map.entry('σ', "s"),
            Map.entry('ς', "s"),
            Map.entry('τ', "t"),
            Map.entry('υ', "y"),
            Map.entry('φ', "f"),
            Map.entry('χ', "ch"),
            Map.entry('ψ', "ps"),
            Map.entry('ω', "o"),
            // Cyrillic
            Map.entry('а', "a"),
            Map.entry('б', "b"),
            Map.entry('в', "v"),
            Map.entry('г', "g"),
            Map.entry('ґ', "g"),
            Map.entry('д', "d"),
            Map.entry('е', "e"),
            Map.entry('є', "ye"),
            Map.entry('ж', "zh"),
            Map.entry('з', "z"),
            Map.entry('и', "i"),
            Map.entry('і', "i"),
            Map.entry('ї', "yi"),
            Map.entry('й', "y"),
            Map.entry('к', "k"),
            Map.entry('л', "l"),
            Map.entry('м', "m"),
            Map.entry('н', "n"),
            Map.entry('о', "o"),
            Map.entry('п', "p"),
            Map.entry('р', "r"),
            Map.entry('с', "s"),
            Map.entry('т', "t"),
            Map.entry('у', "u"),
            Map.entry('ф', "f"),
            Map.entry('х', "kh"),
            Map.entry('ц', "ts"),
            Map.entry('ч', "ch"),
            Map.entry('ш', "sh"),
            Map.entry('щ', "shch"),
            Map.entry('ъ', ""),
            Map.entry('ы', "y"),
            Map.entry('ь', ""),
            Map.entry('э', "e"),
            Map.entry('ю', "yu"),
            Map.entry('я', "ya"));

    private AsciiTransliterator() {}

    /** Returns the lower-case ASCII letters and digits of {@code text}, romanized as described on the class. */
    static String toAsciiLetters(String text) {
        // The Greek digraph ου is one vowel, written ou, while υ alone is y.
        String lower = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFC)
                .replace("ου", "ou")
                .replace("ού", "ou");
        StringBuilder ascii = new StringBuilder();
        for (char c : lower.toCharArray()) {
            // Letters such as й and ї are romanized whole, before a decomposition would reduce them to и and і.
            if (LETTERS.containsKey(c)) {
                ascii.append(LETTERS.get(c));
                continue;
            }
            for (char part :
                    Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).toCharArray()) {
                if ((part >= 'a' && part <= 'z') || (part >= '0' && part <= '9')) {
                    ascii.append(part);
                } else if (LETTERS.containsKey(part)) {
                    ascii.append(LETTERS.get(part));
                }
            }
        }
        return ascii.toString();
    }
}
