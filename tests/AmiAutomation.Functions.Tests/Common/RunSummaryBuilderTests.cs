using System.Text.Json;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Functions.Common;
using static AmiAutomation.Functions.Tests.Common.TestDecisions;

namespace AmiAutomation.Functions.Tests.Common;

public sealed class RunSummaryBuilderTests
{
    private static RunSummaryBuilder Builder(bool dryRun = false) =>
        new("expire", "eu-west-1", "run-1", new SweepRequest("schedule", dryRun, null, null), Now);

    [Fact]
    public void Build_EveryOutcomeKind_CountedAndListed()
    {
        var ok = Act("ami-00000001", DecisionAction.Deregister, ReasonCode.DeprecatedLongEnough);
        var failed = Act("ami-00000002", DecisionAction.Deregister, ReasonCode.ExpiresAtPassed);
        var recheck = Act("ami-00000003", DecisionAction.Deregister, ReasonCode.OlderThanRetention);
        var unattempted = Act("ami-00000004", DecisionAction.Deregister, ReasonCode.OlderThanRetention);
        var skip = Skip("ami-00000005", ReasonCode.InUse);
        var builder = Builder();
        builder.SetPlan(new Plan("expire", "eu-west-1", Now, [skip, ok, failed, recheck, unattempted], []));
        builder.Record(new ActionOutcome(ok, OutcomeStatus.Succeeded)
        {
            Snapshots = [new SnapshotOutcome("snap-1", 8, "success"), new SnapshotOutcome("snap-2", 20, "skipped")],
        });
        builder.Record(new ActionOutcome(failed, OutcomeStatus.Failed, "UnauthorizedOperation", "denied"));
        builder.Record(new ActionOutcome(recheck, OutcomeStatus.SkippedOnRecheck, "InUse", "now used by i-1"));

        var summary = builder.Build(Now.AddMinutes(1));

        Assert.True(summary.Completed);
        Assert.False(summary.StoppedEarly);
        Assert.Equal(5, summary.TotalDecisions);
        Assert.Equal(1, summary.Outcomes[OutcomeNames.Succeeded]);
        Assert.Equal(1, summary.Outcomes[OutcomeNames.Failed]);
        Assert.Equal(2, summary.Outcomes[OutcomeNames.Skipped]);
        Assert.Equal(1, summary.Outcomes[OutcomeNames.NotStarted]);
        Assert.Equal(2, summary.Counts["Deregister"]["OlderThanRetention"]);
        Assert.Equal(1, summary.Counts["None"]["InUse"]);
        Assert.Equal("ami-00000001", summary.Decisions[0].ImageId);
        Assert.Equal("ami-00000005", summary.Decisions[^1].ImageId);
        Assert.Equal("UnauthorizedOperation", summary.Decisions.Single(d => d.ImageId == "ami-00000002").ErrorCode);
        Assert.Equal("InUse", summary.Decisions.Single(d => d.ImageId == "ami-00000003").Reason);
        var notDeleted = Assert.Single(summary.Decisions[0].SnapshotsNotDeleted!);
        Assert.Equal(("snap-2", "skipped"), (notDeleted.SnapshotId, notDeleted.ReturnCode));
        Assert.Equal(["ExpiresAtPassed: because ExpiresAtPassed"], summary.Decisions.Single(d => d.ImageId == "ami-00000002").Reasons);
    }

    [Fact]
    public void Build_StoppedEarlyAbortedAndFailedSources_Reported()
    {
        var builder = Builder();
        builder.SetPlan(new Plan("expire", "eu-west-1", Now, [], []));
        builder.AddFailedSource(new SourceReport(InventorySource.LaunchTemplates, SourceStatus.Failed, 0, 1, "boom"));
        builder.StopEarly();
        builder.Abort("first");
        builder.Abort("second");
        builder.AddError("bad thing");

        var summary = builder.Build(Now);

        Assert.False(summary.Completed);
        Assert.True(summary.StoppedEarly);
        Assert.True(summary.DestructiveRunAborted);
        Assert.Equal("first", summary.AbortReason);
        Assert.Equal(new SourceFailure("LaunchTemplates", "Failed", "boom"), Assert.Single(summary.FailedSources));
        Assert.Equal(["bad thing"], summary.Errors);
    }

    [Fact]
    public void Build_ManyDecisions_ListsFirstHundredAndCountsAll()
    {
        var decisions = Enumerable.Range(0, 150).Select(i => Skip($"ami-{i:x8}", ReasonCode.NotDue)).ToList();
        var builder = Builder();
        builder.SetPlan(new Plan("expire", "eu-west-1", Now, decisions, []));

        var summary = builder.Build(Now);

        Assert.Equal(RunSummary.MaxListedDecisions, summary.Decisions.Count);
        Assert.True(summary.DecisionsTruncated);
        Assert.Equal(150, summary.TotalDecisions);
        Assert.Equal(150, summary.Outcomes[OutcomeNames.Skipped]);
    }

    [Fact]
    public void Build_SerializesThroughSourceGeneratedContext_CamelCase()
    {
        var builder = Builder(dryRun: true);
        var decision = Act("ami-00000001", DecisionAction.Deprecate, ReasonCode.OlderThanMaxAge);
        builder.SetPlan(new Plan("deprecate", "eu-west-1", Now, [decision], []));
        builder.Record(new ActionOutcome(decision, OutcomeStatus.DryRun));

        var json = JsonSerializer.Serialize(builder.Build(Now), FunctionsJsonContext.Default.RunSummary);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.True(root.GetProperty("dryRun").GetBoolean());
        Assert.True(root.GetProperty("completed").GetBoolean());
        Assert.Equal("dry-run", root.GetProperty("decisions")[0].GetProperty("outcome").GetString());
        Assert.Equal(1, root.GetProperty("counts").GetProperty("Deprecate").GetProperty("OlderThanMaxAge").GetInt32());
        Assert.False(root.TryGetProperty("deregistration", out _));
    }

    [Fact]
    public void Build_DeregistrationTotals_RecordCountsSerializedCamelCase()
    {
        var builder = Builder();
        builder.Deregistration = new DeregistrationTotals { LedgerRecordsWritten = 3, DisableRecordsWritten = 2 };

        var json = JsonSerializer.Serialize(builder.Build(Now), FunctionsJsonContext.Default.RunSummary);
        using var document = JsonDocument.Parse(json);
        var totals = document.RootElement.GetProperty("deregistration");

        Assert.Equal(3, totals.GetProperty("ledgerRecordsWritten").GetInt32());
        Assert.Equal(2, totals.GetProperty("disableRecordsWritten").GetInt32());
    }

    [Theory]
    [InlineData(OutcomeStatus.Succeeded, "succeeded")]
    [InlineData(OutcomeStatus.DryRun, "dry-run")]
    [InlineData(OutcomeStatus.Failed, "failed")]
    [InlineData(OutcomeStatus.SkippedOnRecheck, "skipped")]
    [InlineData(OutcomeStatus.NotStarted, "not-started")]
    [InlineData(OutcomeStatus.Deferred, "deferred")]
    public void OutcomeOf_ActingDecision_MapsStatus(OutcomeStatus status, string expected)
    {
        var decision = Act("ami-00000001", DecisionAction.Deregister, ReasonCode.OlderThanRetention);

        Assert.Equal(expected, RunSummaryBuilder.OutcomeOf(decision, new ActionOutcome(decision, status)));
    }

    [Fact]
    public void OutcomeOf_Skip_IsSkippedEvenWithoutOutcome()
    {
        Assert.Equal(OutcomeNames.Skipped, RunSummaryBuilder.OutcomeOf(Skip("ami-00000001", ReasonCode.KeepTag), null));
        Assert.Equal(ImageState.Available, Skip("ami-00000001", ReasonCode.KeepTag).Image.State);
    }
}
