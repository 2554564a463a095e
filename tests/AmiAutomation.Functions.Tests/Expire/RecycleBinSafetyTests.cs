using AmiAutomation.Aws.Execution;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Restorability;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Tests.Common;
using AmiAutomation.Simulation.Ledger;
using Amazon.Runtime;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>
/// The Recycle Bin gate of one expire run, alone: the latch and the rules are read before anything is deregistered;
/// a failure to read either blocks the run, a cancelled invocation stays a cancellation, and every refusal tells the
/// operator what stopped it and how to go on.
/// </summary>
public sealed class RecycleBinSafetyTests
{
    private const string Region = "eu-west-1";
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);
    private static readonly Plan EmptyPlan = new("expire", Region, Now, [], []);
    private static readonly SweepRequest Schedule = new("schedule", DryRun: false, Families: null, ImageIds: null);
    private static readonly RetentionRule ImageRule = new("rule-img", RetentionResourceType.Ec2Image, 30, IsAvailable: true);
    private static readonly RetentionRule SnapshotRule = new("rule-snap", RetentionResourceType.EbsSnapshot, 30, IsAvailable: true);

    private static RecycleBinSafety Safety(IDeregistrationLedger ledger, ScriptedRecycleBinRules? rules = null)
    {
        var client = new BinListingClient();
        var time = new SteppingTime(Now);
        return new RecycleBinSafety(ledger, () => rules ?? new ScriptedRecycleBinRules(ImageRule, SnapshotRule), client, new RecycleBinVerifier(client, time, TimeSpan.Zero), time, Region, "run-2");
    }

    [Fact]
    public async Task CheckAsync_LatchSet_BlockNamesTheLatchedImageAndHowToClearIt()
    {
        var ledger = new InMemoryDeregistrationLedger();
        await ledger.SetLatchAsync(new RecycleBinLatch { Region = Region, SetAt = Now.AddDays(-1), RunId = "run-1", ImageId = "ami-lost", Reason = "image ami-lost was not in the Recycle Bin" }, CancellationToken.None);

        var block = await Safety(ledger).CheckAsync(EmptyPlan, Schedule, CancellationToken.None);

        Assert.NotNull(block);
        Assert.Equal(SweepBlockKinds.RecycleBinLatch, block.Kind);
        Assert.Contains("ami-lost", block.Reason, StringComparison.Ordinal);
        Assert.Contains("Nothing is deregistered until an operator investigates and clears it", block.Reason, StringComparison.Ordinal);
        Assert.Contains("ami-automation latch clear --reason", block.Reason, StringComparison.Ordinal);
        Assert.Contains("{\"clearLatch\": {\"reason\":", block.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_LatchReadTimesOut_BlockedAsUnreadable()
    {
        // An SDK/HTTP timeout is an OperationCanceledException although the invocation was not cancelled.
        var safety = Safety(new LatchReadFailingLedger(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout")));

        var block = await safety.CheckAsync(EmptyPlan, Schedule, CancellationToken.None);

        Assert.NotNull(block);
        Assert.Equal(SweepBlockKinds.RecycleBinLatchUnreadable, block.Kind);
        Assert.Contains("TaskCanceledException", block.Reason, StringComparison.Ordinal);
        Assert.Contains("nothing is deregistered", block.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_LatchReadFailsAsTheInvocationIsCancelled_StillBlockedAsUnreadable()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var safety = Safety(new LatchReadFailingLedger(new AmazonServiceException("Internal server error", ErrorType.Receiver, "InternalServerError", "req", System.Net.HttpStatusCode.InternalServerError)));

        var block = await safety.CheckAsync(EmptyPlan, Schedule, cancelled.Token);

        Assert.NotNull(block);
        Assert.Equal(SweepBlockKinds.RecycleBinLatchUnreadable, block.Kind);
        Assert.Contains("Internal server error", block.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_InvocationCancelledBeforeTheLatchRead_CancellationPropagates()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Safety(new InMemoryDeregistrationLedger()).CheckAsync(EmptyPlan, Schedule, cancelled.Token));
    }

    [Fact]
    public async Task CheckAsync_InvocationCancelledDuringTheRuleRead_CancellationPropagates()
    {
        using var deadline = new CancellationTokenSource();
        var rules = new ScriptedRecycleBinRules(ImageRule, SnapshotRule);
        rules.BeforeList = () =>
        {
            deadline.Cancel();
            deadline.Token.ThrowIfCancellationRequested();
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Safety(new InMemoryDeregistrationLedger(), rules).CheckAsync(EmptyPlan, Schedule, deadline.Token));
    }

    [Fact]
    public async Task CheckAsync_RuleReadFailsAsTheInvocationIsCancelled_BlockedAsUnchecked()
    {
        using var deadline = new CancellationTokenSource();
        var rules = new ScriptedRecycleBinRules(ImageRule, SnapshotRule);
        rules.BeforeList = () =>
        {
            deadline.Cancel();
            throw new AmazonServiceException("Rate exceeded", ErrorType.Sender, "ThrottlingException", "req", System.Net.HttpStatusCode.TooManyRequests);
        };
        var safety = Safety(new InMemoryDeregistrationLedger(), rules);

        var block = await safety.CheckAsync(EmptyPlan, Schedule, deadline.Token);

        Assert.NotNull(block);
        Assert.Equal(SweepBlockKinds.RecycleBinRulesUnchecked, block.Kind);
        Assert.Contains("ThrottlingException", block.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_NoSnapshotRule_BlockSaysPreflightAndNothingDeregistered()
    {
        var safety = Safety(new InMemoryDeregistrationLedger(), new ScriptedRecycleBinRules(ImageRule));

        var block = await safety.CheckAsync(EmptyPlan, Schedule, CancellationToken.None);

        Assert.NotNull(block);
        Assert.Equal(SweepBlockKinds.RecycleBinRules, block.Kind);
        Assert.StartsWith("Recycle Bin preflight: ", block.Reason, StringComparison.Ordinal);
        Assert.Contains("EBS_SNAPSHOT", block.Reason, StringComparison.Ordinal);
        Assert.EndsWith("; nothing is deregistered", block.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckImageAsync_PreflightNotRun_StopsTheRun()
    {
        var verdict = await Safety(new InMemoryDeregistrationLedger()).CheckImageAsync(TestDecisions.Image("ami-0123"), CancellationToken.None);

        Assert.Equal(GuardVerdictKind.Stop, verdict.Kind);
        Assert.Contains("the Recycle Bin preflight did not run", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckImageAsync_ImageExcludedByItsOwnTag_SkippedAsNotRestorable()
    {
        var rules = new ScriptedRecycleBinRules(ImageRule with { ExcludeResourceTags = [new("scratch", "yes")] }, SnapshotRule);
        var safety = Safety(new InMemoryDeregistrationLedger(), rules);
        Assert.Null(await safety.CheckAsync(EmptyPlan, Schedule, CancellationToken.None));
        var image = TestDecisions.Image("ami-0123") with { Snapshots = [], Tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["scratch"] = "yes" } };

        var verdict = await safety.CheckImageAsync(image, CancellationToken.None);

        Assert.Equal(GuardVerdictKind.Skip, verdict.Kind);
        Assert.StartsWith("not restorable from the Recycle Bin: ", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("scratch=yes", verdict.Reason, StringComparison.Ordinal);
    }
}
