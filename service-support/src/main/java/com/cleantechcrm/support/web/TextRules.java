package com.cleantechcrm.support.web;

/**
 * Rules every text value from a client must meet before it is stored: no control characters other than tab, line feed
 * and carriage return, and no unpaired UTF-16 surrogates. PostgreSQL cannot store U+0000 in text at all, so an event
 * carrying one could never be projected. The other controls and broken surrogates carry no meaning in lead data.
 */
public final class TextRules {

    private TextRules() {}

    /** Returns what is wrong with the text as a validation message, or null when it is acceptable. */
    public static String problemWith(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must be valid Unicode text";
            }
            if (Character.isLowSurrogate(c)) {
                return "must be valid Unicode text";
            }
            if (isForbiddenControl(c)) {
                return "must not contain control characters";
            }
        }
        return null;
    }

    private static boolean isForbiddenControl(char c) {
        boolean allowedWhitespace = c == '\t' || c == '\n' || c == '\r';
        return !allowedWhitespace && (c < 0x20 || (c >= 0x7F && c <= 0x9F));
    }
}
