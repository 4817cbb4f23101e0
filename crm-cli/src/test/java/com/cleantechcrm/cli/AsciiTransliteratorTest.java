package com.cleantechcrm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AsciiTransliteratorTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Jürgen, jurgen",
        "Groß, gross",
        "Łukasz, lukasz",
        "Sørensen, sorensen",
        "Þórsdóttir, thorsdottir",
        "O'Brien, obrien",
        "Ó Súilleabháin, osuilleabhain",
        "Γιώργος, giorgos",
        "Παπαδόπουλος, papadopoulos",
        "Олександр, oleksandr",
        "Щербак, shcherbak",
        "Андрій, andriy",
        "Юлія, yuliya",
        "İlayda, ilayda",
        "Nguyễn Thị, nguyenthi",
        "Adébáyọ̀, adebayo"
    })
    void romanizesToLowerCaseAscii(String name, String expected) {
        assertThat(AsciiTransliterator.toAsciiLetters(name)).isEqualTo(expected);
    }
}
