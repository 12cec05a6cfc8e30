package org.sightline.vision.ocr.ppocr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberRepairTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "about 2o0 metres|about 200 metres",
        "more than 3,4oo titles|more than 3,400 titles",
        "sightline-1.0.o-linux.tar.gz|sightline-1.0.0-linux.tar.gz",
        "H2O and CO2|H2O and CO2",
        "10 oz of flour|10 oz of flour",
        "4on the floor|4on the floor",
        "Room 1o|Room 10"})
    void readsZeroesInsideNumbers(String read, String repaired) {
        assertThat(NumberRepair.repair(read)).isEqualTo(repaired);
    }
}
