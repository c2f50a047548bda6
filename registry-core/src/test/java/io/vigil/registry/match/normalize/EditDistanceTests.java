package io.vigil.registry.match.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EditDistanceTests {

    @Test
    void atMost_examples() {
        assertThat(EditDistance.atMost("corporation", "corportaion", 2)).isEqualTo(1);
        assertThat(EditDistance.atMost("battalion", "bwttalion", 1)).isEqualTo(1);
        assertThat(EditDistance.atMost("hassan", "hasan", 1)).isEqualTo(1);
        assertThat(EditDistance.atMost("abdulrahman", "abduulrohman", 2)).isEqualTo(2);
        assertThat(EditDistance.atMost("kim", "park", 1)).isEqualTo(-1);
        assertThat(EditDistance.atMost("same", "same", 0)).isZero();
    }

    @Test
    void atMost_agreesWithTheFullTableOnRandomWords() {
        // given random short words over a small alphabet (many near misses)
        Random random = new Random(7);
        for (int t = 0; t < 20_000; t++) {
            String a = word(random);
            String b = random.nextBoolean() ? mutate(a, random) : word(random);
            int full = osa(a, b);
            for (int limit = 0; limit <= 2; limit++) {
                // then the bounded distance is the full one when within the limit, else -1
                assertThat(EditDistance.atMost(a, b, limit)).as(a + " / " + b + " limit " + limit)
                        .isEqualTo(full <= limit ? full : -1);
            }
        }
    }

    private static String word(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(9);
        for (int i = 0; i < n; i++) {
            sb.append("abcd".charAt(r.nextInt(4)));
        }
        return sb.toString();
    }

    private static String mutate(String s, Random r) {
        StringBuilder sb = new StringBuilder(s);
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits && sb.length() > 1; e++) {
            int i = r.nextInt(sb.length());
            switch (r.nextInt(4)) {
                case 0 -> sb.deleteCharAt(i);
                case 1 -> sb.insert(i, "abcd".charAt(r.nextInt(4)));
                case 2 -> sb.setCharAt(i, "abcd".charAt(r.nextInt(4)));
                default -> {
                    if (i + 1 < sb.length()) {
                        char c = sb.charAt(i);
                        sb.setCharAt(i, sb.charAt(i + 1));
                        sb.setCharAt(i + 1, c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Optimal string alignment distance, full table. */
    private static int osa(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
