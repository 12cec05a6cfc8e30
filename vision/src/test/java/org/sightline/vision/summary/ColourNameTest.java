package org.sightline.vision.summary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Colours people would name the same way, including common screen colours and the hard cases near grey and blue. */
class ColourNameTest {

    @ParameterizedTest(name = "#{0} is {1}")
    @CsvSource({
        "FFFFFF, WHITE", "F3F3F3, WHITE", "F0F3F7, WHITE", "DCDCDC, LIGHT_GREY", "C0C0C0, LIGHT_GREY",
        "808080, GREY", "6B7B8C, GREY", "404040, DARK_GREY", "2D2D2D, DARK_GREY", "1E1E1E, BLACK",
        "000000, BLACK", "0D1117, BLACK",
        "FF0000, RED", "DC143C, RED", "800000, DARK_RED", "FFC0CB, PINK", "FF69B4, PINK",
        "FFA500, ORANGE", "FF8C00, ORANGE", "8B4513, BROWN", "D2B48C, BEIGE",
        "FFFF00, YELLOW", "FFD700, YELLOW", "808000, OLIVE", "FFFACD, PALE_YELLOW",
        "00FF00, GREEN", "008000, GREEN", "004000, DARK_GREEN", "98FB98, LIGHT_GREEN",
        "008080, TEAL", "00FFFF, CYAN", "004040, DARK_TEAL",
        "0000FF, BLUE", "0078D7, BLUE", "1E90FF, BLUE", "000080, DARK_BLUE", "1E3A5F, DARK_BLUE",
        "87CEEB, LIGHT_BLUE",
        "800080, PURPLE", "8A2BE2, PURPLE", "4B0082, DARK_PURPLE", "DDA0DD, LIGHT_PURPLE", "FF00FF, PINK", "663399, PURPLE", "C71585, PURPLE"
    })
    void namesColoursAsPeopleDo(String hex, ColourName expected) {
        assertThat(ColourName.of(Integer.parseInt(hex, 16))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"DARK_BLUE, colour.darkBlue", "WHITE, colour.white", "PALE_YELLOW, colour.paleYellow"})
    void keysFollowTheBundle(ColourName colour, String key) {
        assertThat(colour.key()).isEqualTo(key);
    }
}
