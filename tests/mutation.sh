#!/usr/bin/env bash
# Mutation testing of the safety core with Stryker.NET (local tool, .config/dotnet-tools.json). Each scope is mutated
# and tested with the test project that covers it; the script prints each scope's mutation score and leaves the
# reports under StrykerOutput/<scope>/.
# Usage: tests/mutation.sh [scope...]   scopes: core-protection core-expiry core-deprecation aws-inventory aws-execution functions-expire
# (default: all). CI runs core-protection only: the full run takes hours on a small machine (see docs/mutation.md).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
dotnet tool restore >/dev/null

declare -A project=(
  [core-protection]=src/AmiAutomation.Core/AmiAutomation.Core.csproj
  [core-expiry]=src/AmiAutomation.Core/AmiAutomation.Core.csproj
  [core-deprecation]=src/AmiAutomation.Core/AmiAutomation.Core.csproj
  [aws-inventory]=src/AmiAutomation.Aws/AmiAutomation.Aws.csproj
  [aws-execution]=src/AmiAutomation.Aws/AmiAutomation.Aws.csproj
  [functions-expire]=src/AmiAutomation.Functions/AmiAutomation.Functions.csproj
)
declare -A tests=(
  [core-protection]=tests/AmiAutomation.Core.Tests/AmiAutomation.Core.Tests.csproj
  [core-expiry]=tests/AmiAutomation.Core.Tests/AmiAutomation.Core.Tests.csproj
  [core-deprecation]=tests/AmiAutomation.Core.Tests/AmiAutomation.Core.Tests.csproj
  [aws-inventory]=tests/AmiAutomation.Aws.Tests/AmiAutomation.Aws.Tests.csproj
  [aws-execution]=tests/AmiAutomation.Aws.Tests/AmiAutomation.Aws.Tests.csproj
  [functions-expire]=tests/AmiAutomation.Functions.Tests/AmiAutomation.Functions.Tests.csproj
)
declare -A files=(
  [core-protection]="**/Protection/*.cs"
  [core-expiry]="**/Expiry/*.cs"
  [core-deprecation]="**/Deprecation/*.cs"
  [aws-inventory]="**/Inventory/*.cs"
  [aws-execution]="**/Execution/*.cs"
  [functions-expire]="**/Expire/*.cs"
)

scopes=("$@")
((${#scopes[@]})) || scopes=(core-protection core-expiry core-deprecation aws-inventory aws-execution functions-expire)
summary=()
for scope in "${scopes[@]}"; do
  [[ -n "${project[$scope]:-}" ]] || { echo "Unknown scope '$scope'." >&2; exit 2; }
  out="StrykerOutput/$scope"
  rm -rf "$out"; mkdir -p StrykerOutput
  echo "== $scope: mutating ${files[$scope]} of ${project[$scope]} with ${tests[$scope]}" >&2
  # Run from the project's folder: at the repository root Stryker picks up the solution and refuses --test-project.
  (cd "$(dirname "${project[$scope]}")" && dotnet stryker \
    --test-project "$root/${tests[$scope]}" \
    --mutate "${files[$scope]}" \
    --configuration Release \
    --concurrency "${STRYKER_CONCURRENCY:-1}" \
    --reporter json --reporter html --reporter cleartext \
    --output "$root/$out" \
    --break-at 0) >"$out.log" 2>&1 || { echo "Stryker failed for $scope; see $out.log" >&2; tail -20 "$out.log" >&2; summary+=("$scope: FAILED TO RUN"); continue; }
  report="$(find "$out" -name 'mutation-report.json' | head -1)"
  summary+=("$(python3 - "$scope" "$report" <<'PY'
import json, sys
scope, path = sys.argv[1], sys.argv[2]
report = json.load(open(path, encoding="utf-8"))
counts = {}
for f in report["files"].values():
    for m in f["mutants"]:
        counts[m["status"]] = counts.get(m["status"], 0) + 1
killed = counts.get("Killed", 0) + counts.get("Timeout", 0)
survived = counts.get("Survived", 0) + counts.get("NoCoverage", 0)
score = 100.0 * killed / (killed + survived) if killed + survived else 100.0
print(f"{scope}: {score:.1f} % (killed {killed}, survived {counts.get('Survived', 0)}, no coverage {counts.get('NoCoverage', 0)}, "
      f"ignored/compile errors {counts.get('Ignored', 0) + counts.get('CompileError', 0)})")
PY
)")
done

printf '\nMutation scores:\n'
printf '  %s\n' "${summary[@]}"
