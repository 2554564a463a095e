using System.Text.Json;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Cli.Planning;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Functions.Copy;
using AmiAutomation.Functions.Deprecate;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Simulation;
using AmiAutomation.Simulation.Fleet;
using AmiAutomation.Simulation.Services;
using AmiAutomation.TestKit.Repository;
using Microsoft.Extensions.Logging.Abstractions;

namespace AmiAutomation.Cli.Tests.Planning;

/// <summary>
/// docs/iam/plan-policy.json (README, "First day on a real account") in lockstep with what <c>plan</c> calls: the
/// region planner <c>plan</c> runs, over a generated fleet with every kind of consumer on the simulator, whose call log
/// records each action. Every call must be allowed, none may change anything, and every grant must be needed.
/// </summary>
public sealed class PlanPolicyTests
{
    private static readonly string[] Regions = ["us-east-1", "eu-west-1"];

    /// <summary>What DescribeImageReferences reads through ec2-images.amazonaws.com with the caller's permissions
    /// (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEC2ImageReferencesAccessPolicy.html):
    /// not a call plan makes, so no call log can show it.</summary>
    private static readonly string[] ImageReferenceCompanions =
        ["ssm:DescribeParameters", "ssm:GetParameters", "imagebuilder:ListImageRecipes", "imagebuilder:ListContainerRecipes", "imagebuilder:GetContainerRecipe"];

    [Fact]
    public async Task Policy_AllowsEveryCallPlanMakes_AndNothingItDoesNotNeed()
    {
        var (called, sources) = await PlanOnSimulatorAsync();
        var policy = PlanPolicy.Load();

        // Every source was read to the end, so every read path of plan was taken.
        Assert.All(sources, s => Assert.True(s.IsComplete, $"{s.Source} was {s.Status}: {s.Error}"));
        Assert.Contains("ec2:DescribeImageReferences", called);

        var refused = called.Where(a => !policy.Direct.Contains(a)).ToList();
        Assert.True(refused.Count == 0, $"docs/iam/plan-policy.json refuses calls plan makes: {string.Join(", ", refused)}");

        // ssm:GetParameters is also checked as the caller when DescribeLaunchTemplateVersions resolves resolve:ssm: images.
        var needed = called.Append("ssm:GetParameters").ToHashSet(StringComparer.Ordinal);
        var unused = policy.Direct.Where(a => !needed.Contains(a)).ToList();
        Assert.True(unused.Count == 0, $"docs/iam/plan-policy.json grants what plan never calls: {string.Join(", ", unused)}");
        Assert.Equal(ImageReferenceCompanions.Order(StringComparer.Ordinal), policy.CalledViaImageReferences.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Plan_CallsOnlyReadActions()
    {
        var (called, _) = await PlanOnSimulatorAsync();

        var writes = called.Where(a => !IsRead(a)).ToList();
        Assert.True(writes.Count == 0, $"plan must never change anything, but called: {string.Join(", ", writes)}");
        Assert.Contains("ec2:DescribeImages", called);
    }

    [Fact]
    public void Policy_GrantsOnlyReadActions_AndNoDeny()
    {
        var policy = PlanPolicy.Load();

        Assert.All(policy.Direct.Concat(policy.CalledViaImageReferences), a => Assert.True(IsRead(a), $"{a} is not a read action"));
    }

    private static bool IsRead(string action)
    {
        var name = action[(action.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return name.StartsWith("Describe", StringComparison.Ordinal) || name.StartsWith("List", StringComparison.Ordinal) || name.StartsWith("Get", StringComparison.Ordinal);
    }

    /// <summary>Runs plan's region planner for every function over a seeded fleet; returns the actions called (service:Action).</summary>
    private static async Task<(IReadOnlyList<string> Called, IReadOnlyList<SourceReport> Sources)> PlanOnSimulatorAsync()
    {
        var simulator = new Ec2Simulator();
        var now = TimeProvider.System.GetUtcNow();
        FleetGenerator.Generate(simulator, new FleetOptions { ImageCount = 120, Regions = Regions, Seed = 5, SharedImageRate = 0.2, EdgeCases = true, Now = now });
        var home = Regions[0];
        var used = simulator.AddImage(home, i => i.Named("legacy-app-1.0.0").CreatedAt(now.AddYears(-2)));
        simulator.AddLaunchConfiguration(home, "legacy-lc", used);
        simulator.AddSpotRequest(home, used);
        simulator.AddSpotFleet(home, [used]);
        simulator.AddSsmParameter(home, "/golden/legacy", used);

        // As PlanRunner reads them: plan needs no ledger table.
        var environment = new PlanEnvironment(new DictionaryEnvironmentVariables(new Dictionary<string, string>
        {
            [CopySettings.TargetRegionsVariable] = string.Join(',', Regions),
            ["EXPIRE_OLDER_THAN_DAYS"] = "30",
        }));
        var deprecate = DeprecateSettings.Read(environment);
        var expire = ExpireSettings.Read(environment);
        var copy = CopySettings.Read(environment);
        var planner = new RegionPlanner(
            new SimulatedEc2ClientFactory(simulator), new SimulatedRegionalApiClients(simulator),
            new Ec2RateLimiterRegistry(TimeProvider.System), NullLogger.Instance);
        var sources = new List<SourceReport>();
        foreach (var region in Regions)
        {
            var (_, inventory, _) = await planner.PlanAsync(region, "all", deprecate, expire, copy, now.AddDays(400), CancellationToken.None);
            sources.AddRange(inventory.Sources.Where(s => s.Status != SourceStatus.Disabled));
        }

        var called = simulator.Calls.Actions.Select(a => a.Contains(':', StringComparison.Ordinal) ? a : "ec2:" + a)
            .Distinct(StringComparer.Ordinal).ToList();
        return (called, sources);
    }

    /// <summary>docs/iam/plan-policy.json: Allow actions without a condition (plan's own calls) and those allowed only
    /// through ec2-images.amazonaws.com (aws:CalledVia).</summary>
    private sealed record PlanPolicy(IReadOnlySet<string> Direct, IReadOnlySet<string> CalledViaImageReferences)
    {
        public static PlanPolicy Load()
        {
            using var document = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.File("docs", "iam", "plan-policy.json")));
            var direct = new HashSet<string>(StringComparer.Ordinal);
            var calledVia = new HashSet<string>(StringComparer.Ordinal);
            foreach (var statement in document.RootElement.GetProperty("Statement").EnumerateArray())
            {
                Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
                var action = statement.GetProperty("Action");
                var actions = action.ValueKind == JsonValueKind.Array ? action.EnumerateArray().Select(a => a.GetString()!).ToList() : [action.GetString()!];
                if (!statement.TryGetProperty("Condition", out var condition))
                {
                    direct.UnionWith(actions);
                    continue;
                }

                var via = condition.GetProperty("ForAnyValue:StringEquals").GetProperty("aws:CalledVia").EnumerateArray().Select(v => v.GetString()).ToList();
                Assert.Equal(["ec2-images.amazonaws.com"], via);
                calledVia.UnionWith(actions);
            }

            return new PlanPolicy(direct, calledVia);
        }
    }
}
