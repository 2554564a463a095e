using AmiAutomation.TestKit.Logging;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Functions.Common;
using AmiAutomation.Runtime.Metrics;
using Microsoft.Extensions.Logging;
using static AmiAutomation.Functions.Tests.Common.TestDecisions;

namespace AmiAutomation.Functions.Tests.Common;

public sealed class DecisionReporterTests
{
    private readonly RecordingLogger _logger = new();
    private readonly MetricsRecorder _metrics = new();

    private DecisionReporter Reporter() => new("expire", _logger, _metrics);

    private double Metric(string name, string? dimension = null) => _metrics.Data
        .Where(d => d.Name == name && (dimension is null || d.Dimensions.Any(x => x.Value == dimension)))
        .Sum(d => d.Value);

    [Fact]
    public void Report_Succeeded_LogsTemplateWithNamedValues()
    {
        var decision = Act("ami-00000001", DecisionAction.Deregister, ReasonCode.DeprecatedLongEnough);

        var word = Reporter().Report(decision, new ActionOutcome(decision, OutcomeStatus.Succeeded)
        {
            Snapshots = [new SnapshotOutcome("snap-1", 8, "success"), new SnapshotOutcome("snap-2", 30, "skipped")],
        });

        Assert.Equal(OutcomeNames.Succeeded, word);
        var line = _logger.Entries.First();
        Assert.Equal("{Function} {ImageId} {Action} {Outcome} {Reason}", line.Template);
        Assert.Equal("ami-00000001", line["ImageId"]);
        Assert.Equal("Deregister", line["Action"]);
        Assert.Equal("succeeded", line["Outcome"]);
        Assert.Equal("DeprecatedLongEnough", line["Reason"]);
        Assert.Equal(1, Metric(MetricNames.AmisDeregistered));
        Assert.Equal(1, Metric(MetricNames.SnapshotsDeleted));
        Assert.Equal(1, Metric(MetricNames.SnapshotsNotDeleted, "skipped"));
        Assert.Contains(_logger.Entries, e => Equals(e["SnapshotId"], "snap-2"));
    }

    [Fact]
    public void Report_SkipsDryRunsFailuresAndNotStarted_EachHasItsMetric()
    {
        var reporter = Reporter();
        var skip = Skip("ami-00000001", ReasonCode.InUse);
        var dry = Act("ami-00000002", DecisionAction.Deprecate, ReasonCode.OlderThanMaxAge);
        var failed = Act("ami-00000003", DecisionAction.Deprecate, ReasonCode.OlderThanMaxAge);
        var late = Act("ami-00000004", DecisionAction.Deprecate, ReasonCode.OlderThanMaxAge);

        reporter.Report(skip, null);
        reporter.Report(dry, new ActionOutcome(dry, OutcomeStatus.DryRun));
        reporter.Report(failed, new ActionOutcome(failed, OutcomeStatus.Failed, "UnauthorizedOperation"));
        reporter.Report(late, null);

        Assert.Equal(1, Metric(MetricNames.SkippedImages, "InUse"));
        Assert.Equal(1, Metric(MetricNames.DryRunActions, "Deprecate"));
        Assert.Equal(1, Metric(MetricNames.Errors));
        Assert.Equal(1, Metric(MetricNames.NotStartedActions, "Deprecate"));
        Assert.Equal(0, Metric(MetricNames.AmisDeprecated));
        Assert.Equal(LogLevel.Warning, _logger.Entries.Single(e => Equals(e["ImageId"], "ami-00000003")).Level);
        Assert.Equal("UnauthorizedOperation", _logger.Entries.Single(e => Equals(e["ImageId"], "ami-00000003"))["ErrorCode"]);
    }

    [Fact]
    public void AbortSourceFailureAndRelease_RecordMetrics()
    {
        var reporter = Reporter();

        reporter.Aborted("not in the Recycle Bin");
        reporter.SourceFailed(new SourceReport(InventorySource.ImageReferences, SourceStatus.Truncated, 3, 1, "page loop"));
        reporter.Released(new DeregistrationTotals { SnapshotGiBReleased = 100, EstimatedMonthlySavingUsd = 5 });

        Assert.Equal(1, Metric(MetricNames.DestructiveRunAborted));
        Assert.Equal(1, Metric(MetricNames.InventorySourceFailures, "ImageReferences"));
        Assert.Equal(100, Metric(MetricNames.SnapshotGiBReleased));
        Assert.Equal(5, Metric(MetricNames.EstimatedMonthlySavingUsd));
        Assert.Equal(LogLevel.Error, _logger.Entries[0].Level);
        Assert.Equal("not in the Recycle Bin", _logger.Entries[0]["AbortReason"]);
    }

    [Fact]
    public void LogPlan_OneCountLineAndOneLinePerAction()
    {
        var plan = new Plan("expire", "eu-west-1", Now,
            [Act("ami-00000001", DecisionAction.Deregister, ReasonCode.OlderThanRetention), Skip("ami-00000002", ReasonCode.KeepTag)], []);

        Reporter().LogPlan(plan);

        Assert.Equal(2, _logger.Entries.Count);
        Assert.Equal(1, _logger.Entries[0]["Actions"]);
        Assert.Equal(1, _logger.Entries[0]["Skips"]);
        Assert.Equal("ami-00000001", _logger.Entries[1]["ImageId"]);
    }
}
