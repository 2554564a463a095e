using System.Net;
using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Deprecation;
using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Simulation;
using AmiAutomation.Simulation.Fleet;
using AmiAutomation.Simulation.Services;
using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace AmiAutomation.Aws.Tests.Inventory;

/// <summary>
/// Candidates first through the real reader on the simulator, over 1,000 generated fleets (the fleet generator, with
/// and without its edge cases) with random policies and a source that fails or loops its tokens in most of them: the
/// deprecation and expiry plans equal the full read's, action for action, and the per-image reads shrink.
/// </summary>
public sealed class CandidatesFirstPropertyTests
{
    private const string Region = "us-east-1";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Failing =
    [
        "DescribeImages", "DescribeInstances", "DescribeLaunchTemplates", "DescribeLaunchTemplateVersions", "DescribeImageReferences",
        "DescribeSpotInstanceRequests", "DescribeSpotFleetRequests",
    ];

    private static readonly string[] Looping = ["DescribeImages", "DescribeInstances", "DescribeLaunchTemplates", "DescribeLaunchTemplateVersions", "DescribeImageReferences"];

    private static readonly Gen<ExpiryPolicy> Expiry = Gen.Select(Gen.Int[1, 3], Gen.Int[30, 900], Gen.Int[1, 12], Gen.Bool, Gen.Int[1, 120])
        .Select((keep, retention, cap, deprecated, deprecatedFor) => new ExpiryPolicy
        {
            KeepNewest = keep,
            RetentionDays = retention,
            MaxDeregistrationsPerRun = cap,
            DeprecatedForDays = deprecated ? deprecatedFor : null,
        });

    private static readonly Gen<DeprecationPolicy> Deprecation = Gen.Select(Gen.Int[1, 3], Gen.Int[30, 900], Gen.Int[1, 5], Gen.Bool)
        .Select((keep, maxAge, newer, useNewer) => new DeprecationPolicy { KeepNewest = keep, MaxAgeDays = maxAge, MinNewerImages = useNewer ? newer : null });

    private static readonly Gen<(int Seed, int Images, bool Edges, int Fault)> Fleets =
        Gen.Select(Gen.Int[1, 1_000_000], Gen.Int[8, 60], Gen.Bool, Gen.Int[0, Failing.Length + Looping.Length + 12]);

    [Fact]
    public async Task ReadAsync_CandidatesFirst_PlansEqualTheFullReadOnGeneratedFleets()
    {
        var fewerReads = 0;
        var acted = 0;
        var faulted = 0;
        await Gen.Select(Fleets, Expiry, Deprecation).SampleAsync(
            async (fleet, expiry, deprecation) =>
            {
                var simulator = new Ec2Simulator(new FakeTimeProvider(Now));
                FleetGenerator.Generate(simulator, new FleetOptions
                {
                    ImageCount = fleet.Images, Regions = [Region], Seed = fleet.Seed, Now = Now, EdgeCases = fleet.Edges, AddRecycleBinRules = false,
                });
                if (fleet.Fault < Failing.Length)
                {
                    simulator.Faults.FailAlways(Failing[fleet.Fault], "InternalError", HttpStatusCode.InternalServerError);
                }
                else if (fleet.Fault < Failing.Length + Looping.Length)
                {
                    simulator.Lies.LoopTokens(Looping[fleet.Fault - Failing.Length]);
                }

                var reader = new Ec2InventoryReader(simulator.ClientFactory, new SimulatedRegionalApiClients(simulator), TestLimits.Registry());
                var options = InventoryOptions.Default with { ImagePageSize = 7, InstancePageSize = 5, LaunchTemplatePageSize = 2, LaunchTemplateVersionPageSize = 2 };
                var full = await reader.ReadAsync(Region, options, CancellationToken.None);
                var candidates = new HashSet<string>(StringComparer.Ordinal);
                var first = await reader.ReadAsync(
                    Region,
                    options,
                    snapshot =>
                    {
                        candidates.UnionWith(ExpiryPlanner.Candidates(snapshot, expiry, PlanSelection.All, Now));
                        candidates.UnionWith(DeprecationPlanner.Candidates(snapshot, deprecation, PlanSelection.All, Now));
                        return candidates;
                    },
                    CancellationToken.None);

                var fullExpiry = ExpiryPlanner.Plan(full, expiry, PlanSelection.All, Now);
                var fullDeprecation = DeprecationPlanner.Plan(full, deprecation, PlanSelection.All, Now);
                PlanEquivalence.AssertEquivalent(full, fullExpiry, ExpiryPlanner.Plan(first, expiry, PlanSelection.All, Now), candidates);
                PlanEquivalence.AssertEquivalent(full, fullDeprecation, DeprecationPlanner.Plan(first, deprecation, PlanSelection.All, Now), candidates);
                Assert.Equal(full.Images.Count, first.Images.Count);
                Assert.Equal(full.IsComplete || candidates.Count == 0, first.IsComplete || candidates.Count == 0);
                Assert.True(Source(first).Calls <= Source(full).Calls);
                if (candidates.Count < full.Images.Count)
                {
                    Interlocked.Increment(ref fewerReads);
                }

                if (fullExpiry.Actions.Any() || fullDeprecation.Actions.Any())
                {
                    Interlocked.Increment(ref acted);
                }

                if (!full.IsComplete)
                {
                    Interlocked.Increment(ref faulted);
                }
            },
            iter: 1_000);

        Assert.True(fewerReads > 500, $"only {fewerReads} fleets read fewer references than images");
        Assert.True(acted > 250, $"only {acted} fleets planned an action");
        Assert.True(faulted > 300, $"only {faulted} fleets had a failed or truncated source");
    }

    private static SourceReport Source(InventorySnapshot snapshot) => snapshot.Sources.Single(s => s.Source == InventorySource.ImageReferences);
}
