#!/usr/bin/env bash
# Proves every safety layer is necessary: in a scratch copy of the repository, makes one layer inert at a time
# (a reference source records nothing but still reports Complete, a protection returns nothing, a rule or cap never
# fires, the re-check always passes), builds the Functions tests, runs the layer-necessity tests
# (tests/AmiAutomation.Functions.Tests/Expire/Layers, ExpireConsumerTests, ExpireSharedImageTests) and prints: layer | break | tests that caught it.
# Exit code 1 when any break is caught by no test (or a break no longer applies to the code).
# Usage: tests/break-each-layer.sh [filter]   (filter: an extended regex; run only breaks whose name matches it)
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
only="${1:-}"
scratch="$(mktemp -d /tmp/ami-break.XXXXXX)"
trap 'rm -rf "$scratch"' EXIT
# The layer-necessity tests: Expire/Layers, plus the consumer-source and shared-image suites, which are built the same
# way (every other source off, a positive control deregistered in the same run).
tests_filter="FullyQualifiedName~AmiAutomation.Functions.Tests.Expire.Layers|FullyQualifiedName~AmiAutomation.Functions.Tests.Expire.ExpireConsumerTests|FullyQualifiedName~AmiAutomation.Functions.Tests.Expire.ExpireSharedImageTests"

echo "Scratch copy: $scratch" >&2
(cd "$repo" && git ls-files -co --exclude-standard -z | tar --null -T - -cf -) | tar -xf - -C "$scratch"
cd "$scratch"

inv=src/AmiAutomation.Aws/Inventory
prot=src/AmiAutomation.Core/Protection/ImageProtections.cs
exe=src/AmiAutomation.Aws/Execution
share=src/AmiAutomation.Aws/Sharing

# name | layer | file | perl substitution (applied with -0: the whole file is one string) | what the break does
breaks=(
  "instances-source|Instances source|$inv/InstanceSource.cs|s/references\.Add\(new ImageReference\(instance\.ImageId/_ = (new ImageReference(instance.ImageId/|records no instance, reports Complete"
  "launch-templates-source|LaunchTemplates source|$inv/LaunchTemplateSource.cs|s/references\.Add\(new ImageReference\(imageId, ReferenceKind\.LaunchTemplateVersion/_ = (new ImageReference(imageId, ReferenceKind.LaunchTemplateVersion/|records no version, reports Complete"
  "image-references-source|ImageReferences source|$inv/ImageReferenceSource.cs|s/references\.Add\(new ImageReference\(\s*reference\.ImageId/_ = (new ImageReference(reference.ImageId/|records no reference, reports Complete"
  "launch-configurations-source|LaunchConfigurations source|$inv/LaunchConfigurationSource.cs|s/onConsumer\(new Consumer\(/_ = (new Consumer(/|records no launch configuration (inventory and re-check), reports Complete"
  "spot-requests-source|SpotRequests source|$inv/SpotRequestSource.cs|s/onConsumer\(new Consumer\(/_ = (new Consumer(/|records no Spot request (inventory and re-check), reports Complete"
  "spot-fleets-source|SpotFleets source|$inv/SpotFleetSource.cs|s/onConsumer\(new Consumer\(/_ = (new Consumer(/|records no Spot Fleet specification (inventory and re-check), reports Complete"
  "launch-permissions-source|LaunchPermissions source (shared-image stage)|$share/LaunchPermissionReader.cs|s/return LaunchPermissionMapper\.ToCore\(attribute\.LaunchPermissions\);/_ = LaunchPermissionMapper.ToCore(attribute.LaunchPermissions);\n        return [];/|every image reads as shared with nobody, reports Complete"
  "usage-reports-source|UsageReports source (when-unused)|$share/UsageReportReader.cs|s/entry\.UsageCount \?\? 0\)/0 * (entry.UsageCount ?? 0))/|every report entry reads as zero uses"
  "in-use|InUse protection|$prot|s/reasons\.Add\(new\(\s*ReasonCode\.InUse\b/_ = (new DecisionReason(ReasonCode.InUse/g|references never protect"
  "keep-tag|KeepTag protection|$prot|s/reasons\.Add\(new\(\s*ReasonCode\.KeepTag\b/_ = (new DecisionReason(ReasonCode.KeepTag/g|protection returns nothing"
  "keep-until|HeldUntil protection|$prot|s/reasons\.Add\(new\(\s*ReasonCode\.HeldUntil\b/_ = (new DecisionReason(ReasonCode.HeldUntil/g|protection returns nothing"
  "deregistration-protection|DeregistrationProtected protection|$prot|s/reasons\.Add\(new\(\s*ReasonCode\.DeregistrationProtected\b/_ = (new DecisionReason(ReasonCode.DeregistrationProtected/g|protection returns nothing"
  "aws-backup|ManagedByAwsBackup protection|$prot|s/reasons\.Add\(new\(\s*ReasonCode\.ManagedByAwsBackup\b/_ = (new DecisionReason(ReasonCode.ManagedByAwsBackup/g|protection returns nothing"
  "dlm|ManagedByDataLifecycleManager opt-out|$prot|s/reasons\.Add\(new\(\s*ReasonCode\.ManagedByDataLifecycleManager\b/_ = (new DecisionReason(ReasonCode.ManagedByDataLifecycleManager/g|protection returns nothing"
  "image-builder|ManagedByImageBuilder opt-out|$prot|s/reasons\.Add\(new\(\s*ReasonCode\.ManagedByImageBuilder\b/_ = (new DecisionReason(ReasonCode.ManagedByImageBuilder/g|protection returns nothing"
  "not-owned|NotOwned protection|$prot|s/reasons\.Add\(new\(\s*ReasonCode\.NotOwned\b/_ = (new DecisionReason(ReasonCode.NotOwned/g|protection returns nothing"
  "not-available|NotAvailable protection|$prot|s/reasons\.Add\(new\(\s*ReasonCode\.NotAvailable\b/_ = (new DecisionReason(ReasonCode.NotAvailable/g|protection returns nothing"
  "public|PublicImage protection|$prot|s/reasons\.Add\(new\(\s*ReasonCode\.PublicImage\b/_ = (new DecisionReason(ReasonCode.PublicImage/g|protection returns nothing"
  "instance-store|InstanceStoreBacked protection|$prot|s/reasons\.Add\(new\(\s*ReasonCode\.InstanceStoreBacked\b/_ = (new DecisionReason(ReasonCode.InstanceStoreBacked/g|protection returns nothing"
  "shared-image|SharedImage protection|src/AmiAutomation.Core/Protection/SharedImageCheck.cs|s/reasons\.Add\(new\(ReasonCode\.SharedImage\b/_ = (new DecisionReason(ReasonCode.SharedImage/g|protection returns nothing (the unread-permissions plan keep stays)"
  "last-launched|LastLaunchedTime window|$prot|s/reasons\.Add\(new\(\s*ReasonCode\.RecentlyLaunched\b/_ = (new DecisionReason(ReasonCode.RecentlyLaunched/g|protection returns nothing"
  "newest-k|Newest K of a family|src/AmiAutomation.Core/Planning/ImageGate.cs|s/inventory\.AccountId, keepNewest\)\)/inventory.AccountId, 0))/|K treated as 0"
  "family-rule|Family rule keeps major versions|src/AmiAutomation.Core/Families/DefaultFamilyRule.cs|s/return \(Kind\.Version, keepMinor \? text : first\);/return (keepMinor ? Kind.Version : Kind.Stamp, text);/|versions stripped whole: OS lines merge"
  "last-of-family|Last of family|src/AmiAutomation.Core/Expiry/ExpiryRun.cs|s/if \(remaining <= 1\)/if (remaining < 0)/|rule never fires"
  "planner-cap|Blast-radius cap (planner)|src/AmiAutomation.Core/Expiry/ExpiryRun.cs|s/if \(_deregistrations >= _policy\.MaxDeregistrationsPerRun\)/if (_deregistrations < 0)/|cap never reached"
  "executor-cap|Destructive-call cap (executor)|$exe/DestructiveStepGate.cs|s/if \(run\.DestructiveCalls >= run\.Options\.MaxDestructiveActions\)/if (run.DestructiveCalls < 0)/|cap never reached"
  "recheck|Executor re-check|$exe/ImageRechecker.cs|s/reasons\.Count > 0 \? RecheckResult\.Skip/reasons.Count < 0 ? RecheckResult.Skip/|re-check always passes"
)

run_tests() { # $1 = trx name; prints failed test names (one per line); returns dotnet test's status
  local trx="$scratch/results/$1.trx"
  rm -f "$trx"
  dotnet test tests/AmiAutomation.Functions.Tests -c Release --no-build --filter "$tests_filter" \
    --logger "trx;LogFileName=$trx" >"$scratch/results/$1.log" 2>&1 || true
  [[ -f "$trx" ]] || { echo "NO-RESULTS (see $1.log)"; return 0; }
  python3 - "$trx" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
for m in re.finditer(r'<UnitTestResult [^>]*?testName="([^"]+)"[^>]*?outcome="Failed"', text):
    print(m.group(1).replace("AmiAutomation.Functions.Tests.Expire.Layers.", "").replace("AmiAutomation.Functions.Tests.Expire.", "").replace("&quot;", '"'))
PY
}

build() { dotnet build tests/AmiAutomation.Functions.Tests -c Release >"$scratch/results/build.log" 2>&1; }

testbin=tests/AmiAutomation.Functions.Tests/bin/Release/net10.0

# Rebuilds only the broken project (its API is unchanged) and drops its assembly next to the tests: one compile per break.
build_break() { # $1 = broken file
  local project name
  project="$(cut -d/ -f1-2 <<<"$1")"
  name="$(basename "$project")"
  dotnet build "$project" -c Release --no-dependencies --no-restore >"$scratch/results/build.log" 2>&1 \
    && cp "$project/bin/Release/net10.0/$name.dll" "$testbin/$name.dll"
}

restore_assemblies() { cp "$scratch"/results/pristine/*.dll "$testbin/"; }

mkdir -p results/pristine
echo "Building the unbroken copy…" >&2
build || { echo "The unbroken copy does not build: $scratch/results/build.log" >&2; tail -20 results/build.log >&2; exit 2; }
cp "$testbin"/AmiAutomation.*.dll results/pristine/
baseline="$(run_tests baseline)"
if [[ -n "$baseline" ]]; then
  echo "Layer tests fail without any break; fix them first:" >&2
  echo "$baseline" >&2
  exit 2
fi

uncaught=0
printf '| Layer | Break | Tests that caught it |\n|---|---|---|\n'
for entry in "${breaks[@]}"; do
  IFS='|' read -r name layer file subst what <<<"$entry"
  [[ -z "$only" || "$name" =~ $only ]] || continue
  cp "$file" "$file.orig"
  perl -0pi -e "$subst" "$file"
  if cmp -s "$file" "$file.orig"; then
    printf '| %s | `%s`: DID NOT APPLY (code changed?) | — |\n' "$layer" "$name"
    uncaught=$((uncaught + 1))
    mv "$file.orig" "$file"
    continue
  fi
  echo "Break $name: building…" >&2
  if ! build_break "$file"; then
    printf '| %s | `%s`: does not compile | — |\n' "$layer" "$name"
    tail -5 results/build.log >&2
    uncaught=$((uncaught + 1))
  else
    caught="$(run_tests "$name" | sed -E 's/, reason: "[^"]*"//; s/^[A-Za-z]+LayerNecessityTests\.//' | sort | paste -sd ';' | sed 's/;/; /g')"
    if [[ -z "$caught" || "$caught" == NO-RESULTS* ]]; then
      caught="**NOT CAUGHT**"
      uncaught=$((uncaught + 1))
    fi
    printf '| %s | `%s`: %s | %s |\n' "$layer" "$name" "$what" "$caught"
  fi
  mv "$file.orig" "$file"
  restore_assemblies
done

echo >&2
if ((uncaught > 0)); then
  echo "$uncaught break(s) not caught." >&2
  exit 1
fi
echo "Every break was caught." >&2
