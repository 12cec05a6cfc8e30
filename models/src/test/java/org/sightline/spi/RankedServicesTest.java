package org.sightline.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

public class RankedServicesTest {

    private record Engine(String id, int rank) {
    }

    /** Listed in no services file. */
    public interface Unlisted {
    }

    @Test
    void theHighestRankComesFirstAndEqualRanksKeepTheirOrder() {
        List<Engine> ordered = RankedServices.bestFirst(List.of(new Engine("silent", 0), new Engine("a", 50),
                new Engine("best", 90), new Engine("b", 50)), Engine::rank);
        assertThat(ordered).extracting(Engine::id).containsExactly("best", "a", "b", "silent");
        assertThatThrownBy(() -> ordered.add(new Engine("late", 1))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aTypeWithNoServicesFileHasNoImplementations() {
        assertThat(RankedServices.load(Unlisted.class)).isEmpty();
    }
}
