using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Tests.Common;
using AmiAutomation.Simulation.Seeding;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>What the expire suites share: a live harness keeping only the newest image of a family, and builders for
/// expired and newest images.</summary>
public abstract class ExpireScenarioTests
{
    protected ExpireScenarioTests() => _h.Live().Set(ExpireSettings.KeepNewestVariable, "1");

#pragma warning disable IDE1006 // Kept as the field-like name the suites have always used.
    protected SweepHarness _h { get; } = new();
#pragma warning restore IDE1006

    protected static DecisionSummary Line(RunSummary summary, string imageId) => summary.Decisions.Single(d => d.ImageId == imageId);

    /// <summary>An image deprecated long ago: eligible under the default policy.</summary>
    protected string Expired(string family = "svc", double daysOld = 200, double deprecatedDaysAgo = 60, Action<ImageBuilder>? more = null) =>
        _h.AddImage(b =>
        {
            b.Named($"{family}-{Guid.NewGuid():N}").Tagged(TagNames.Family, family).CreatedDaysAgo(daysOld)
                .DeprecatedAt(SweepHarness.Start.AddDays(-deprecatedDaysAgo));
            more?.Invoke(b);
        });

    protected string Newest(string family = "svc") => _h.AddImage(b => b.Named($"{family}-new").Tagged(TagNames.Family, family).CreatedDaysAgo(1));

    protected bool Exists(string imageId) => _h.Image(imageId) is not null;
}
