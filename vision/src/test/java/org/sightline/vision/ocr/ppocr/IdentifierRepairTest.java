package org.sightline.vision.ocr.ppocr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifierRepairTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[Constant] MD4_BL0CK_SIZE The|[Constant] MD4_BLOCK_SIZE The",
        "smaller than RIPEMD16O_DIGEST_SIZE, in|smaller than RIPEMD160_DIGEST_SIZE, in",
        "RIPEMD160_BL0CK_SIZE|RIPEMD160_BLOCK_SIZE",
        "the tarball debhello-O.O.tar.gz and|the tarball debhello-0.0.tar.gz and",
        "sightline-1.o.2-linux|sightline-1.0.2-linux",
        "H2O and CO2|H2O and CO2",
        "O.K. said the MD40 team|O.K. said the MD40 team",
        "ROOM_10O|ROOM_100",
        "assigning 1 or O to it|assigning 1 or O to it",
        "the X0R_FLAG bit|the XOR_FLAG bit",
        "ISO_8859_1 and Latin_1|ISO_8859_1 and Latin_1",
        "my_var0 = 1|my_var0 = 1"})
    void readsZeroAndOByTheShapeOfTheWord(String read, String repaired) {
        assertThat(IdentifierRepair.repair(read)).isEqualTo(repaired);
    }
}
