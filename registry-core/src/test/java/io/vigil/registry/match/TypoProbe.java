package io.vigil.registry.match;

import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A developer's probe of typo robustness: the primary names of a deterministic sample of the evaluation registry's
 * parties, each with one typo (a letter replaced, dropped, inserted or two swapped, never the first) in one word of
 * at least {@code minLength} letters, searched at the default policy. Prints recall at the alert threshold by word
 * length and the misses. Usage: {@code TypoProbe [samples] [minLength] [seed]}.
 */
public final class TypoProbe {

    private TypoProbe() {
    }

    public static void main(String[] args) {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int minLength = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Random random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 7);
        List<Party> parties = new ArrayList<>(RealRegistry.parties());
        java.util.Collections.shuffle(parties, random);
        MatchPolicy policy = MatchPolicy.defaults();
        NameMatcher matcher = NameMatchers.indexed(RealRegistry.get(), policy);
        int[] tried = new int[20];
        int[] caught = new int[20];
        int done = 0;
        for (Party p : parties) {
            if (done >= samples || p.type() == PartyType.VESSEL || p.type() == PartyType.AIRCRAFT) {
                continue;
            }
            PartyName name = p.names().get(0);
            String[] words = name.fullName().split(" ");
            List<Integer> eligible = new ArrayList<>();
            for (int i = 0; i < words.length; i++) {
                if (words[i].matches("[A-Za-z]{" + minLength + ",}")) {
                    eligible.add(i);
                }
            }
            if (eligible.isEmpty()) {
                continue;
            }
            int w = eligible.get(random.nextInt(eligible.size()));
            String tok = words[w];
            int pos = 1 + random.nextInt(tok.length() - 1);
            String changed = switch (random.nextInt(4)) {
                case 0 -> tok.substring(0, pos) + (char) ('a' + random.nextInt(26)) + tok.substring(pos + 1);
                case 1 -> tok.substring(0, pos) + tok.substring(pos + 1);
                case 2 -> tok.substring(0, pos) + (char) ('a' + random.nextInt(26)) + tok.substring(pos);
                default -> pos + 1 < tok.length()
                        ? tok.substring(0, pos) + tok.charAt(pos + 1) + tok.charAt(pos) + tok.substring(pos + 2)
                        : tok.substring(0, pos);
            };
            if (changed.equalsIgnoreCase(tok)) {
                continue;
            }
            words[w] = changed;
            String query = String.join(" ", words);
            done++;
            int len = Math.min(tok.length(), 19);
            tried[len]++;
            double best = -1;
            for (MatchHit h : matcher.search(MatchQuery.of(query), 20)) {
                if (h.partyId().equals(p.id()) || h.linkedIds().contains(p.id())) {
                    best = Math.max(best, h.score());
                }
            }
            if (best >= policy.alertThreshold()) {
                caught[len]++;
            } else {
                System.out.println("miss\t" + query + "\t(" + name.fullName() + ")\t" + best);
            }
        }
        int t = 0;
        int c = 0;
        for (int len = 0; len < 20; len++) {
            if (tried[len] > 0) {
                System.out.printf("length %2d: %4d / %4d  %.1f%%%n", len, caught[len], tried[len],
                        100.0 * caught[len] / tried[len]);
                t += tried[len];
                c += caught[len];
            }
        }
        System.out.printf("all: %d / %d  %.2f%%%n", c, t, 100.0 * c / t);
    }
}
