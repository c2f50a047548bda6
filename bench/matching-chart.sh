#!/usr/bin/env bash
# Draws docs/images/matching-thresholds.png (and .tsv): recall and the share of negatives alerting of both matching
# evaluation sets (registry-core/src/test/resources/io/vigil/registry/match/eval) across thresholds, screened against
# the OFAC registry (SDN and non-SDN) in ../shared/data/lists (see docs/matching.md). Takes about a minute.
#
# Usage: bench/matching-chart.sh [OUT_PNG]   (default docs/images/matching-thresholds.png)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${1:-$ROOT/docs/images/matching-thresholds.png}"
CP="$ROOT/registry-core/target/chart-classpath.txt"
(cd "$ROOT" && ./mvnw -q -B -o -pl registry-core dependency:build-classpath -Dmdep.outputFile="$CP" \
    -Dmdep.includeScope=test test-compile)
(cd "$ROOT/registry-core" && java -Djava.awt.headless=true \
    -cp "target/test-classes:target/classes:$(cat "$CP")" io.vigil.registry.match.MatchingThresholdChart "$OUT")
