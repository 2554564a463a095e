using System.Globalization;
using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.Tagging;
using Amazon.EC2.Model;
using CsCheck;

namespace AmiAutomation.Aws.Tests.Inventory;

/// <summary>
/// Fail closed, as a property: whatever fault hits whichever inventory or reference source on whichever call, the
/// snapshot is not complete and the expiry planner deregisters nothing; the same region without the fault is complete.
/// </summary>
public sealed class InventoryFaultPropertyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly ExpiryPolicy Policy = new() { KeepNewest = 1, DeprecatedForDays = 30, MaxDeregistrationsPerRun = 1000 };

    private static readonly FaultKind[] CommonKinds =
        [FaultKind.Throttled, FaultKind.NotImplemented, FaultKind.Unauthorized, FaultKind.Network, FaultKind.RepeatedToken, FaultKind.NullResponse];

    private static readonly Gen<(int, double, FaultKind)> FaultGen =
        Gen.Select(Gen.Int[0, InventoryFaultSpec.Actions.Length - 1], Gen.Double[0, 0.999], Gen.Int[0, CommonKinds.Length])
            .Select((action, where, kind) => (action, where, kind < CommonKinds.Length ? CommonKinds[kind] : FaultKind.UnresolvedAlias));

    private static readonly Gen<InventoryFaultSpec> SpecGen =
        from images in Gen.Int[1, 30]
        from instances in Gen.Int[0, 35].Array[0, 12]
        from templates in Gen.Int[1, 4].Array[0, 5]
        from references in Gen.Int[0, 3].Array[images]
        from imagePage in Gen.Int[1, 8]
        from instancePage in Gen.Int[5, 8]
        from templatePage in Gen.Int[1, 3]
        from versionPage in Gen.Int[1, 3]
        from faults in FaultGen.Array[1, 3]
        select new InventoryFaultSpec(images, instances, templates, references, imagePage, instancePage, templatePage, versionPage, faults);

    private static string Ami(int i) => "ami-" + i.ToString("x8", CultureInfo.InvariantCulture);

    private static FakeEc2 Build(InventoryFaultSpec spec)
    {
        var ec2 = new FakeEc2();
        for (var i = 0; i < spec.Images; i++)
        {
            ec2.AddImage(Ami(i), image =>
            {
                image.CreationDate = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                image.DeprecationTime = "2025-01-01T00:00:00Z";
                image.Tags = [new Tag(TagNames.Family, "fam-" + (i % 3).ToString(CultureInfo.InvariantCulture))];
            });
            for (var r = 0; r < spec.ReferencesPerImage[i]; r++)
            {
                ec2.References.Add(new ImageReference { ImageId = Ami(i), ResourceType = "ssm:Parameter", Arn = $"arn:ssm:{i}:{r}" });
            }
        }

        for (var i = 0; i < spec.InstanceImages.Length; i++)
        {
            ec2.AddInstance($"i-{i}", Ami(spec.InstanceImages[i]));
        }

        for (var t = 0; t < spec.TemplateVersions.Length; t++)
        {
            ec2.AddTemplate($"lt-{t}", [.. Enumerable.Range(0, spec.TemplateVersions[t]).Select(v => Ami(40 + (t * 10) + v))]);
        }

        return ec2;
    }

    private static InventoryOptions Options(InventoryFaultSpec spec) => new()
    {
        ImagePageSize = spec.ImagePage,
        InstancePageSize = spec.InstancePage,
        LaunchTemplatePageSize = spec.TemplatePage,
        LaunchTemplateVersionPageSize = spec.VersionPage,
    };

    private static Task<InventorySnapshot> ReadAsync(FakeEc2 ec2, InventoryFaultSpec spec) =>
        new Ec2InventoryReader(new FixedEc2ClientFactory(ec2.Client), new FakeApis(), TestLimits.Registry()).ReadAsync("us-east-1", Options(spec), CancellationToken.None);

    private static int Deregistrations(InventorySnapshot snapshot) =>
        ExpiryPlanner.Plan(snapshot, Policy, PlanSelection.All, Now).Decisions.Count(d => d.Action == DecisionAction.Deregister);

    private static string Describe(InventorySnapshot snapshot) => string.Join(
        "; ",
        snapshot.Images.Select(i => i.ImageId).Order(StringComparer.Ordinal)
            .Concat(snapshot.References.ReferencedImageIds.Order(StringComparer.Ordinal)
                .SelectMany(id => snapshot.References.For(id).Select(r => $"{id}<-{r.ResourceId}").Order(StringComparer.Ordinal))));

    [Fact]
    public async Task ReadAsync_AnyInjectedFault_SnapshotIncompleteAndNothingDeregistered()
    {
        var healthyWithDeregistrations = 0;

        await SpecGen.SampleAsync(
            async spec =>
            {
                // The same region without faults: complete, and how many calls each action takes.
                var clean = Build(spec);
                var healthy = await ReadAsync(clean, spec);
                Assert.True(healthy.IsComplete, "healthy: " + string.Join("; ", healthy.FailedSources.Select(s => s.Error)));
                if (Deregistrations(healthy) > 0)
                {
                    Interlocked.Increment(ref healthyWithDeregistrations);
                }

                var faulty = Build(spec);
                foreach (var (action, where, kind) in spec.Faults)
                {
                    // Aim each fault at a call that happens; unresolved aliases only exist in launch template versions.
                    var name = kind == FaultKind.UnresolvedAlias ? "DescribeLaunchTemplateVersions" : InventoryFaultSpec.Actions[action];
                    var calls = clean.Calls(name);
                    if (calls > 0)
                    {
                        faulty.Faults.Add(new Fault(name, (int)(where * calls), kind));
                    }
                }

                var snapshot = await ReadAsync(faulty, spec);

                if (faulty.Triggered.Count == 0)
                {
                    Assert.Empty(faulty.Faults); // only when no targeted action ran at all (no templates)
                    return;
                }

                if (snapshot.IsComplete && faulty.Triggered.All(f => f.Kind is FaultKind.RepeatedToken or FaultKind.UnresolvedAlias && f.Action.StartsWith("DescribeLaunchTemplate", StringComparison.Ordinal)))
                {
                    // Only the full-page probe was faulted (only its token is read, and a token is opaque: "this endpoint
                    // pages" either way); then the listing was whole, and a complete snapshot must be exactly the healthy one.
                    Assert.Equal(Describe(healthy), Describe(snapshot));
                    return;
                }

                Assert.False(snapshot.IsComplete, $"faults {string.Join(", ", faulty.Triggered)} left the snapshot complete");
                Assert.NotEmpty(snapshot.FailedSources);
                Assert.Equal(0, Deregistrations(snapshot));
            },
            iter: 1000);

        // Not vacuous: most healthy regions do have something to deregister.
        Assert.True(healthyWithDeregistrations > 500, $"only {healthyWithDeregistrations} of 1000 healthy regions planned a deregistration");
    }
}
