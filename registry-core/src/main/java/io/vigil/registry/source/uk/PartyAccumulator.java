package io.vigil.registry.source.uk;

import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyBuilder;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Collects one party from several source records (OFSI: one row per name; FCDO: designations sharing an OFSI
 * group id). Names are kept once each, upgraded to primary when any record marks them primary and to strong when
 * any record marks them strong; remarks are kept once each in first-seen order.
 */
final class PartyAccumulator {

    final PartyBuilder builder;
    final String firstLocation;
    private final Map<String, PartyName> names = new LinkedHashMap<>();
    private final Set<String> remarks = new LinkedHashSet<>();

    PartyAccumulator(String id, String firstLocation) {
        this.builder = Party.builder(id);
        this.firstLocation = firstLocation;
    }

    void name(PartyName name) {
        names.merge(name.fullName(), name, (old, add) -> new PartyName(old.fullName(),
                old.givenName() != null ? old.givenName() : add.givenName(),
                old.familyName() != null ? old.familyName() : add.familyName(),
                old.kind() == NameKind.PRIMARY || add.kind() == NameKind.PRIMARY ? NameKind.PRIMARY : old.kind(),
                old.quality() == NameQuality.STRONG || add.quality() == NameQuality.STRONG
                        ? NameQuality.STRONG : NameQuality.WEAK,
                old.script()));
    }

    boolean hasNames() {
        return !names.isEmpty();
    }

    void remark(String remark) {
        String r = UkText.clean(remark);
        if (r != null) {
            remarks.add(r);
        }
    }

    PartyType type() {
        return builder.type();
    }

    Party build() {
        names.values().forEach(builder::name);
        remarks.forEach(builder::remark);
        return builder.build();
    }
}
