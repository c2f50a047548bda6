package io.vigil.batch.cli;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import io.vigil.registry.model.Party;
import io.vigil.registry.store.RegistryDiff;
import io.vigil.registry.store.SnapshotDiff;
import io.vigil.registry.store.SnapshotInfo;
import io.vigil.registry.store.SnapshotStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil registry status|show|diff}. */
@Command(name = "registry", mixinStandardHelpOptions = true, description = "Reads the registry of designations.",
        subcommands = {RegistryCommand.Status.class, RegistryCommand.Show.class, RegistryCommand.Diff.class,
                RegistryCommand.Snapshots.class})
class RegistryCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "registry needs a subcommand: status, show, diff or snapshots");
    }

    static SnapshotInfo activeSnapshot(SnapshotStore store) {
        return store.active().orElseThrow(() -> new VigilException(ExitCodes.BAD_INPUT,
                "the registry is empty: run 'vigil import-lists' first"));
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Shows the active snapshot: its sources, their publication dates, SHA-256 and counts.")
    static class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        private final SnapshotStore store;

        Status(SnapshotStore store) {
            this.store = store;
        }

        @Override
        public Integer call() {
            SnapshotInfo active = activeSnapshot(store);
            RegistryPrinter.status(active, store.entries(active.id()), spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Shows one party with every name, attribute, linked entry and designation citation.")
    static class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PARTY_ID", description = "e.g. ofac:43598, un:KPi.066, uk:13349, notice:…")
        String partyId;

        @Option(names = "--snapshot", paramLabel = "ID", description = "A snapshot other than the active one.")
        Long snapshotId;

        private final SnapshotStore store;

        Show(SnapshotStore store) {
            this.store = store;
        }

        @Override
        public Integer call() {
            SnapshotInfo snapshot = snapshotId == null ? activeSnapshot(store)
                    : store.find(snapshotId).orElseThrow(() -> new VigilException(ExitCodes.USAGE,
                            "no snapshot " + snapshotId));
            Party party = store.party(snapshot.id(), partyId).orElseThrow(() -> new VigilException(
                    ExitCodes.BAD_INPUT, "no party " + partyId + " in snapshot " + snapshot.id()));
            List<String> linkedIds = store.linkedIds(snapshot.id(), partyId);
            RegistryPrinter.party(party, store.links(snapshot.id(), partyId),
                    store.parties(snapshot.id(), linkedIds), snapshot, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "Lists the parties added, removed and changed between two snapshots (default: the "
                    + "previous snapshot against the active one).")
    static class Diff implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "FROM") Long from;
        @Parameters(index = "1", arity = "0..1", paramLabel = "TO") Long to;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "200",
                description = "List at most N parties per section (default ${DEFAULT-VALUE}; 0 for all).")
        int limit;

        private final SnapshotStore store;
        private final RegistryDiff diff;

        Diff(SnapshotStore store, RegistryDiff diff) {
            this.store = store;
            this.diff = diff;
        }

        @Override
        public Integer call() {
            long toId = to != null ? to : activeSnapshot(store).id();
            long fromId;
            if (from != null) {
                fromId = from;
            } else {
                fromId = store.list().stream().mapToLong(SnapshotInfo::id).filter(id -> id < toId).max()
                        .orElseThrow(() -> new VigilException(ExitCodes.BAD_INPUT,
                                "snapshot " + toId + " has no previous snapshot to compare with"));
            }
            for (long id : new long[] {fromId, toId}) {
                if (store.find(id).isEmpty()) {
                    throw new VigilException(ExitCodes.USAGE, "no snapshot " + id);
                }
            }
            SnapshotDiff d = diff.diff(fromId, toId);
            RegistryPrinter.diff(d, limit, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }

    @Command(name = "snapshots", mixinStandardHelpOptions = true, description = "Lists every snapshot.")
    static class Snapshots implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        private final SnapshotStore store;

        Snapshots(SnapshotStore store) {
            this.store = store;
        }

        @Override
        public Integer call() {
            List<SnapshotInfo> all = store.list();
            PrintWriter out = spec.commandLine().getOut();
            if (all.isEmpty()) {
                out.println("no snapshots yet: run 'vigil import-lists'");
            }
            for (SnapshotInfo s : all) {
                out.printf(java.util.Locale.ROOT, "%5d  %-10s  %s  %,9d parties  %s%n", s.id(), s.status(),
                        s.createdAt(), s.partyCount(), s.note() == null ? "" : s.note());
            }
            return ExitCodes.OK;
        }
    }
}
