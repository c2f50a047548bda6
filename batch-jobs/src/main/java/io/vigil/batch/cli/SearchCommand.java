package io.vigil.batch.cli;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import io.vigil.batch.matching.ActiveMatcher;
import io.vigil.registry.match.MatchHit;
import io.vigil.registry.match.MatchQuery;
import io.vigil.registry.model.PartyType;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil search NAME [--dob D] [--country CC] [--type T] [--limit N] [--json]}: an analyst's ad-hoc lookup
 * against the active snapshot, with the score, the reasons and the designation citations of each hit.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Looks a name up in the active registry snapshot: top hits with score, reasons and citations.")
class SearchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "1..*", description = "The name, in any script (words may be "
            + "given unquoted).")
    List<String> name;

    @Option(names = "--dob", paramLabel = "D", description = "Date of birth: YYYY, YYYY-MM or YYYY-MM-DD.")
    String dob;

    @Option(names = "--country", paramLabel = "CC", description = "Country, ISO 3166 alpha-2 (e.g. KP, CN).")
    String country;

    @Option(names = "--type", paramLabel = "TYPE", description = "person, organization, vessel or aircraft.")
    String type;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Most hits shown (default 10).")
    int limit;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    private final ActiveMatcher matcher;

    SearchCommand(ActiveMatcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public Integer call() {
        MatchQuery query = query();
        ActiveMatcher.Loaded loaded = matcher.current();
        List<MatchHit> hits = loaded.matcher().search(query, limit);
        if (json) {
            spec.commandLine().getOut().println(SearchJson.write(query, loaded, hits));
        } else {
            SearchPrinter.print(query, loaded, hits, spec.commandLine().getOut());
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private MatchQuery query() {
        String text = String.join(" ", name).strip();
        if (text.isEmpty()) {
            throw new VigilException(ExitCodes.USAGE, "search needs a NAME");
        }
        if (limit < 1) {
            throw new VigilException(ExitCodes.USAGE, "--limit must be at least 1, got " + limit);
        }
        PartyType partyType = null;
        if (type != null && !type.isBlank()) {
            partyType = PartyType.fromText(type);
            if (partyType == PartyType.UNKNOWN) {
                throw new VigilException(ExitCodes.USAGE, "--type must be person, organization, vessel or "
                        + "aircraft, got '" + type + "'");
            }
        }
        try {
            return MatchQuery.of(text).withDateOfBirth(dob).withCountry(country).withType(partyType);
        } catch (IllegalArgumentException e) {
            throw new VigilException(ExitCodes.USAGE, e.getMessage().toLowerCase(Locale.ROOT).startsWith("date")
                    ? "--dob: " + e.getMessage() : "--country: " + e.getMessage());
        }
    }
}
