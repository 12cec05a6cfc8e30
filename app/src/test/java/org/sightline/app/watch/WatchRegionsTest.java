package org.sightline.app.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The region typed in the app's prompt and on the command line. */
class WatchRegionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"100,200,400,300", "100, 200, 400, 300", " 100 200 400 300 ", "100 ,200, 400 ,300"})
    void fourWholeNumbersMakeTheRegion(String typed) {
        assertThat(WatchRegions.parse(typed)).contains(new Rectangle(100, 200, 400, 300));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10,20,30", "10,20,30,40,50", "a,b,c,d", "10,20,0,40", "10,20,30,-4", "1.5,2,3,4"})
    void anythingElseIsRefused(String typed) {
        assertThat(WatchRegions.parse(typed)).isEmpty();
    }
}
