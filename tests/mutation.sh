#!/usr/bin/env bash
# Mutation testing of the safety core with Stryker.NET (local tool, .config/dotnet-tools.json). Prints each scope's
# mutation score and leaves the reports under StrykerOutput/<run>/ (one Stryker run per project, test project and test
# filter: the scopes that share them are mutated together, then scored per folder).
# Usage: tests/mutation.sh [scope...]
#   scopes: core-protection core-expiry core-deprecation aws-inventory aws-execution functions-expire (the default set),
#   core-restorability, functions-recycle-bin (a subset of functions-expire), aws-consumer-sources (a subset of aws-inventory).
# Each run uses only the tests that can reach its code (a test-case filter: no moto, no AOT processes, no generated
# 1,000-image fleets), and Stryker runs, per mutant, only the tests that cover it.
# tests/stryker-config.json ignores ArgumentNullException.ThrowIfNull calls (nullable reference types are errors here,
# so no caller can pass null without a `!`). The score is Stryker's formula: (killed + timeout) / (killed + timeout +
# survived + no coverage). See docs/mutation.md.
# STRYKER_CONCURRENCY (default 1); MUTATION_BREAK_AT=<score>: exit 1 when a scope scores below it (CI: 85 on
# core-protection). See docs/mutation.md.
set -euo pipefail
# One block: bash reads it whole before running it, so editing the file during a (long) run is harmless.
{
cd "$(dirname "$0")/.."
root="$PWD"
dotnet tool restore >/dev/null

core=src/AmiAutomation.Core/AmiAutomation.Core.csproj
aws=src/AmiAutomation.Aws/AmiAutomation.Aws.csproj
functions=src/AmiAutomation.Functions/AmiAutomation.Functions.csproj
core_tests=tests/AmiAutomation.Core.Tests/AmiAutomation.Core.Tests.csproj
aws_tests=tests/AmiAutomation.Aws.Tests/AmiAutomation.Aws.Tests.csproj
functions_tests=tests/AmiAutomation.Functions.Tests/AmiAutomation.Functions.Tests.csproj
# Core tests are all fast and pure. The others leave out what starts moto or AOT processes, and generated fleets
# (those cover nearly every line, so Stryker would run them for every mutant). One test project per run: Stryker 5.1
# given the Aws and Functions test projects together found only the first one's tests and scored no mutant.
aws_inventory="FullyQualifiedName~AmiAutomation.Aws.Tests.Inventory&FullyQualifiedName!~Moto&FullyQualifiedName!~PropertyTests"
aws_execution="FullyQualifiedName~AmiAutomation.Aws.Tests.Execution"
functions_expire="FullyQualifiedName~AmiAutomation.Functions.Tests.Expire&FullyQualifiedName!~Moto&FullyQualifiedName!~PropertyTests&FullyQualifiedName!~ExpireFleetTests&FullyQualifiedName!~Concurrency"

# scope → "run|project|test project|test filter|mutate globs (space-separated)"
declare -A scope_def=(
  [core-protection]="core|$core|$core_tests||**/Protection/*.cs"
  [core-expiry]="core|$core|$core_tests||**/Expiry/*.cs"
  [core-deprecation]="core|$core|$core_tests||**/Deprecation/*.cs"
  [aws-inventory]="aws-inventory|$aws|$aws_tests|$aws_inventory|**/Inventory/*.cs"
  [aws-consumer-sources]="aws-inventory|$aws|$aws_tests|$aws_inventory|**/Inventory/LaunchConfigurationSource.cs **/Inventory/SpotRequestSource.cs **/Inventory/SpotFleetSource.cs **/Inventory/Consumer*.cs **/Inventory/FullPageCheck.cs"
  [aws-execution]="aws-execution|$aws|$aws_tests|$aws_execution|**/Execution/*.cs"
  [functions-expire]="functions-expire|$functions|$functions_tests|$functions_expire|**/Expire/*.cs"
  [functions-recycle-bin]="functions-expire|$functions|$functions_tests|$functions_expire|**/Expire/RecycleBin*.cs **/Expire/Bin*.cs"
  [core-restorability]="core|$core|$core_tests||**/Restorability/*.cs"
)

scopes=("$@")
((${#scopes[@]})) || scopes=(core-protection core-expiry core-deprecation aws-inventory aws-execution functions-expire)
declare -A run_globs=() run_spec=()
runs=()
for scope in "${scopes[@]}"; do
  [[ -n "${scope_def[$scope]:-}" ]] || { echo "Unknown scope '$scope'." >&2; exit 2; }
  IFS='|' read -r run proj tests filter globs <<<"${scope_def[$scope]}"
  if [[ -z "${run_spec[$run]:-}" ]]; then runs+=("$run"); run_spec[$run]="$proj|$tests|$filter"; fi
  run_globs[$run]="${run_globs[$run]:-} $globs"
done

declare -A run_report=() run_seconds=()
mkdir -p StrykerOutput
for run in "${runs[@]}"; do
  IFS='|' read -r proj tests filter <<<"${run_spec[$run]}"
  out="StrykerOutput/$run"
  rm -rf "$out"
  mutate=(); set -f; for glob in ${run_globs[$run]}; do mutate+=(--mutate "$glob"); done; set +f
  filter_args=(); [[ -z "$filter" ]] || filter_args=(--test-case-filter "$filter")
  echo "== $run: mutating${run_globs[$run]} of $proj with $tests${filter:+ (tests: $filter)}" >&2
  started=$(date +%s)
  # Run from the project's folder: at the repository root Stryker picks up the solution and refuses --test-project.
  if (cd "$(dirname "$proj")" && dotnet stryker \
    --test-project "$root/$tests" \
    --config-file "$root/tests/stryker-config.json" \
    "${mutate[@]}" "${filter_args[@]}" \
    --configuration Release \
    --concurrency "${STRYKER_CONCURRENCY:-1}" \
    --reporter json --reporter html --reporter cleartext --reporter progress \
    --output "$root/$out" \
    --break-at 0) >"$out.log" 2>&1; then
    run_report[$run]="$(find "$out" -name 'mutation-report.json' | head -1)"
  else
    echo "Stryker failed for $run; see $out.log" >&2
    tail -20 "$out.log" >&2
  fi
  run_seconds[$run]=$(( $(date +%s) - started ))
done

summary=()
for scope in "${scopes[@]}"; do
  IFS='|' read -r run _ _ _ globs <<<"${scope_def[$scope]}"
  if [[ -z "${run_report[$run]:-}" ]]; then summary+=("$scope: FAILED TO RUN"); continue; fi
  summary+=("$(set -f; python3 - "$scope" "${run_report[$run]}" "${run_seconds[$run]}" "${MUTATION_BREAK_AT:-0}" $globs <<'PY'
import fnmatch, json, sys
scope, path, seconds, break_at, globs = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5:]
patterns = ["*/" + g.removeprefix("**/") for g in globs]
report = json.load(open(path, encoding="utf-8"))
counts = {}
for name, f in report["files"].items():
    if not any(fnmatch.fnmatch("/" + name.replace("\\", "/"), p) for p in patterns):
        continue
    for m in f["mutants"]:
        counts[m["status"]] = counts.get(m["status"], 0) + 1
killed, timeout = counts.get("Killed", 0), counts.get("Timeout", 0)
survived, uncovered = counts.get("Survived", 0), counts.get("NoCoverage", 0)
total = killed + timeout + survived + uncovered
score = 100.0 * (killed + timeout) / total if total else 100.0
print(f"{scope}: {score:.1f} % (killed {killed}, timeout {timeout}, survived {survived}, no coverage {uncovered}, "
      f"compile errors {counts.get('CompileError', 0)}, ignored {counts.get('Ignored', 0)}; "
      f"Stryker run took {seconds // 60} min {seconds % 60} s)"
      + (f"  BELOW {break_at:g} %" if score < break_at else ""))
PY
)")
done

printf '\nMutation scores:\n'
printf '  %s\n' "${summary[@]}"
if printf '%s\n' "${summary[@]}" | grep -qE 'BELOW|FAILED TO RUN'; then exit 1; fi
exit 0
}
