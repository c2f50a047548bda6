package io.vigil.registry.match;

import org.junit.jupiter.api.Test;

class ScratchProbe {
    @Test
    void probe() {
        long t0 = System.nanoTime();
        var reg = RealRegistry.get();
        System.out.println("built " + reg.parties().size() + " parties " + reg.names().size() + " names "
                + reg.dictionarySize() + " dict in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        var m = NameMatchers.indexed(reg, MatchPolicy.defaults());
        String[][] qs = {{"Choi Cheol-min", "1978"}, {"Kim Min-jun", "1990"}, {"CH'OE Ch'ol-min", null},
                {"최철민", null}, {"Cheolmin Choi", null}, {"Kim Su-gil", null}, {"Jeon Il-ho", null}, {"Yu Jin", null},
                {"Choi Eun-jung", null}, {"Mohammed Omar", null}, {"Kim Min-jun", null}, {"Hassan Nasrallah", null}};
        for (String[] q : qs) {
            var hits = m.search(MatchQuery.of(q[0]).withDateOfBirth(q[1]), 3);
            System.out.println("== " + q[0] + " " + q[1]);
            hits.forEach(h -> System.out.println("  " + h.partyId() + " " + h.score() + " " + h.decision() + " "
                    + h.explanation().summary()));
        }
    }
}
