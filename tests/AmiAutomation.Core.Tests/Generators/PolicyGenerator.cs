using AmiAutomation.Core.Policies;
using CsCheck;

namespace AmiAutomation.Core.Tests.Generators;

/// <summary>Random VALID policies and selections, tuned so rules, caps and protections all get exercised.</summary>
internal static class PolicyGenerator
{
    private static Gen<int?> Optional(int min, int max) =>
        Gen.Frequency((3, Gen.Int[min, max].Select(i => (int?)i)), (1, Gen.Const(default(int?))));

    public static Gen<DeprecationPolicy> Deprecation { get; } = Gen.Select(
        Optional(1, 800), Optional(1, 6), Gen.Int[1, 4], Gen.Frequency((3, Gen.Const(0)), (1, Gen.Int[1, 800])),
        Gen.Bool, Gen.Bool, Gen.Bool,
        static (maxAge, minNewer, keep, inDays, move, dlm, ib) => new DeprecationPolicy
        {
            MaxAgeDays = maxAge ?? (minNewer is null ? 90 : null),
            MinNewerImages = minNewer,
            KeepNewest = keep,
            DeprecateInDays = inDays,
            AllowMovingExistingDeprecation = move,
            IncludeDataLifecycleManagerImages = dlm,
            IncludeImageBuilderImages = ib,
        });

    public static Gen<ExpiryPolicy> Expiry { get; } = Gen.Select(
        Gen.Select(Optional(1, 120), Gen.Bool, Optional(30, 1500), Gen.Int[1, 4], Gen.Int[1, 60], Gen.Int[1, 6]),
        Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool, Gen.Bool),
        static (a, b) => new ExpiryPolicy
        {
            DeprecatedForDays = a.Item1,
            UseExpiresAtTag = a.Item2 || (a.Item1 is null && a.Item3 is null),
            RetentionDays = a.Item3,
            KeepNewest = a.Item4,
            RecentLaunchDays = a.Item5,
            MaxDeregistrationsPerRun = a.Item6,
            AllowPublic = b.Item1,
            AllowInstanceStore = b.Item2,
            IncludeDataLifecycleManagerImages = b.Item3,
            IncludeImageBuilderImages = b.Item4,
        });

    public static Gen<PlanSelection> Selection { get; } = Gen.Frequency(
        (6, Gen.Const(PlanSelection.All)),
        (1, Gen.Int[0, FleetGenerator.FamilyNames.Length - 1].Array[1, 3].Select(f => PlanSelection.ForFamilies(f.Select(i => FleetGenerator.FamilyNames[i])))),
        (1, Gen.Int[0, 60].Array[0, 20].Select(ids => PlanSelection.ForImages(ids.Select(FleetGenerator.ImageId)))));
}
