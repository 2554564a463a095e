using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.RecycleBin;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Restorability;
using AmiAutomation.Functions.Common;
using Amazon.EC2;

namespace AmiAutomation.Functions.Expire;

/// <summary>
/// "Restorable or nothing" for one expire run:
/// <list type="number">
/// <item>gate (dry runs too): the region's latch must be clear and readable; then (when <c>REQUIRE_RECYCLE_BIN</c>)
/// every EC2_IMAGE and EBS_SNAPSHOT rule is read and <see cref="RestorabilityCheck.ForRun"/> must pass — else the run is
/// blocked before anything is deregistered;</item>
/// <item>right before each deregistration: the image's and its snapshots' own tags (DescribeSnapshots) are judged with
/// <see cref="RestorabilityCheck.ForImage"/>; an image its own tags make unrestorable is skipped, the run goes on;</item>
/// <item>right after each deregistration: the image and its deleted snapshots must be listed in the bin
/// (<see cref="RecycleBinVerifier"/>); any miss sets the latch in the ledger and stops the run.</item>
/// </list>
/// </summary>
/// <remarks>rbin:ListRules, rbin:GetRule, ec2:DescribeSnapshots, ec2:ListImagesInRecycleBin,
/// ec2:ListSnapshotsInRecycleBin; dynamodb:GetItem, dynamodb:PutItem on the ledger table.</remarks>
public sealed class RecycleBinSafety : ISweepGate
{
    private readonly IDeregistrationLedger _ledger;
    private readonly Func<IRecycleBinRules> _rules;
    private readonly IAmazonEC2 _client;
    private readonly RecycleBinVerifier? _verifier;
    private readonly TimeProvider _time;
    private readonly string _region;
    private readonly string _runId;
    private readonly List<RecycleBinCheck> _checks = [];
    private IReadOnlyList<RetentionRule>? _checkedRules;

    /// <param name="verifier">null: <c>REQUIRE_RECYCLE_BIN=false</c>: no rules, no verification; the latch still applies.</param>
    public RecycleBinSafety(IDeregistrationLedger ledger, Func<IRecycleBinRules> rules, IAmazonEC2 client, RecycleBinVerifier? verifier, TimeProvider time, string region, string runId)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        _ledger = ledger;
        _rules = rules;
        _client = client;
        _verifier = verifier;
        _time = time;
        _region = region;
        _runId = runId;
    }

    /// <summary>The latch as this run saw or left it (null: never set).</summary>
    public RecycleBinLatch? Latch { get; private set; }

    /// <summary>The run-level verdict, once the rules were read.</summary>
    public RestorabilityVerdict? Preflight { get; private set; }

    /// <summary>Every check after a deregistration, in order.</summary>
    public IReadOnlyList<RecycleBinCheck> Checks => _checks;

    public async Task<SweepBlock?> CheckAsync(Plan plan, SweepRequest request, CancellationToken cancellationToken)
    {
        try
        {
            Latch = await _ledger.GetLatchAsync(_region, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new SweepBlock(
                SweepBlockKinds.RecycleBinLatchUnreadable,
                $"could not check the Recycle Bin latch in the ledger ({ex.GetType().Name}: {ex.Message}); it may be set, so nothing is deregistered");
        }

        if (Latch is { IsSet: true } latch)
        {
            return new SweepBlock(
                SweepBlockKinds.RecycleBinLatch,
                latch.Describe() + ". Nothing is deregistered until an operator investigates and clears it "
                + "(ami-automation latch clear --reason \"…\", or the expire payload {\"clearLatch\": {\"reason\": \"…\"}})");
        }

        if (_verifier is null)
        {
            return null;
        }

        IReadOnlyList<RetentionRule> rules;
        try
        {
            rules = await new RetentionRuleReader(_rules()).ReadAllAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new SweepBlock(
                SweepBlockKinds.RecycleBinRulesUnchecked,
                $"could not check the Recycle Bin retention rules ({ex.Message}); without them nothing proves a deregistered image stays restorable, so nothing is deregistered");
        }

        Preflight = RestorabilityCheck.ForRun(rules);
        if (!Preflight.IsRestorable)
        {
            return new SweepBlock(SweepBlockKinds.RecycleBinRules, "Recycle Bin preflight: " + Preflight.Reason + "; nothing is deregistered");
        }

        _checkedRules = rules;
        return null;
    }

    /// <summary>Right before one deregistration: Skip when the image's or its snapshots' own tags defeat the rules.</summary>
    /// <exception cref="Amazon.Runtime.AmazonServiceException">DescribeSnapshots failed: the executor records the image Failed.</exception>
    /// <exception cref="AmiAutomation.Aws.Paging.PagingTruncatedException">DescribeSnapshots answered nothing or did not end: the same.</exception>
    public async Task<GuardVerdict> CheckImageAsync(AmiImage image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (_verifier is null || image.RootDevice != RootDeviceKind.Ebs)
        {
            return GuardVerdict.Proceed;
        }

        if (_checkedRules is not { } rules)
        {
            return GuardVerdict.Stop("the Recycle Bin preflight did not run in this run; no deregistration without it");
        }

        var ids = image.Snapshots.Select(s => s.SnapshotId).Distinct(StringComparer.Ordinal).ToList();
        var existing = ids.Count == 0
            ? new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
            : await SnapshotReader.ReadAsync(_client, ids, cancellationToken);
        var verdict = RestorabilityCheck.ForImage(
            rules,
            new TaggedResource(image.ImageId, image.Tags),
            [.. ids.Where(existing.ContainsKey).Select(id => new TaggedResource(id, existing[id]))]);
        return verdict.IsRestorable ? GuardVerdict.Proceed : GuardVerdict.Skip("not restorable from the Recycle Bin: " + verdict.Reason);
    }

    /// <summary>Right after one deregistration: the image and its deleted snapshots must be in the bin; a miss sets the latch.</summary>
    public async Task<GuardVerdict> VerifyAsync(DeregistrationContext context, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(outcome);
        if (_verifier is null || context.Current.RootDevice != RootDeviceKind.Ebs
            || outcome.Detail?.StartsWith("already deregistered", StringComparison.Ordinal) == true)
        {
            return GuardVerdict.Proceed;
        }

        var deleted = outcome.Snapshots.Where(s => s.Deleted).Select(s => s.SnapshotId).ToList();
        var check = await _verifier.VerifyAsync(context.ImageId, deleted, cancellationToken);
        _checks.Add(check);
        if (check.AllInBin)
        {
            return GuardVerdict.Proceed;
        }

        var reason = check.Describe();
        var latch = new RecycleBinLatch { Region = _region, SetAt = _time.GetUtcNow(), RunId = _runId, ImageId = context.ImageId, Reason = reason };
        try
        {
            // Not the invocation's token: a deadline-cut check must still leave the latch behind.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _ledger.SetLatchAsync(latch, timeout.Token);
            Latch = latch;
        }
#pragma warning disable CA1031 // The run stops either way; the failure to latch is reported, loudly.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            reason += $"; the Recycle Bin latch could NOT be written ({ex.GetType().Name}: {ex.Message}), so later runs are not blocked by it";
        }

        return GuardVerdict.Stop(reason);
    }
}
