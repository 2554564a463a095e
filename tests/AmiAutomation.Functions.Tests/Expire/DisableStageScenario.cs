using System.Text;
using System.Text.Json;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Restore;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>The disable stage on (disable after 30 days deprecated, expire 10 days after the disable), live, keeping
/// the newest image of each family; helpers for the restore function's enable payload and the ledger's disable records.</summary>
public abstract class DisableStageScenario : ExpireScenarioTests
{
    protected const string Region = Tests.Common.SweepHarness.Region;
    protected static readonly TimeSpan ExpireAfterDisabled = TimeSpan.FromDays(10);

    protected DisableStageScenario() => _h.Live()
        .Set(ExpireSettings.DisableAfterDeprecatedDaysVariable, "30")
        .Set(ExpireSettings.ExpireAfterDisabledDaysVariable, "10");

    protected Task<RunSummary> ExpireAsync() => _h.InvokeAdvancingClockAsync(_h.Expire());

    protected async Task<RestoreOutput> EnableAsync(params string[] imageIds)
    {
        var function = new RestoreFunction(_h.Services, _h.RateLimiters);
        var payload = $$"""{"enable": [{{string.Join(", ", imageIds.Select(id => $"\"{id}\""))}}]}""";
        var output = await function.InvokeAsync(Encoding.UTF8.GetBytes(payload), _h.Context());
        return JsonSerializer.Deserialize(output, RestoreJsonContext.Default.RestoreOutput)!;
    }

    protected string State(string imageId) => _h.Image(imageId)?.State?.Value ?? "gone";

    protected DisableRecord? DisableRecord(string imageId) => _h.Ledger.DisableRecords.SingleOrDefault(r => r.ImageId == imageId);

    protected bool Held(string imageId) => _h.Ec2.TagsOf(Region, imageId).ContainsKey(TagNames.KeepUntil);

    /// <summary>An image the stage disables in its first run (deprecated 60 days ago), in family svc.</summary>
    protected string DueForDisable(Action<Simulation.Seeding.ImageBuilder>? more = null) => Expired(daysOld: 200, deprecatedDaysAgo: 60, more: more);

    protected static void AssertLine(RunSummary summary, string imageId, string action, string outcome, string reason)
    {
        var line = Line(summary, imageId);
        Assert.True(
            (action, outcome, reason) == (line.Action, line.Outcome, line.Reason),
            $"{imageId}: expected {action}/{outcome}/{reason}, got {line.Action}/{line.Outcome}/{line.Reason} ({string.Join("; ", line.Reasons)}) {line.Detail}");
    }

    protected static string Disable => nameof(Core.Planning.DecisionAction.Disable);

    protected static string Deregister => nameof(Core.Planning.DecisionAction.Deregister);

    protected static string None => nameof(Core.Planning.DecisionAction.None);

    protected static string Succeeded => OutcomeNames.Succeeded;
}
