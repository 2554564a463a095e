using AmiAutomation.Aws.Execution;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Ledger;

namespace AmiAutomation.Functions.Expire;

/// <summary>
/// The expire function's hooks around each real deregistration (never called in dry runs):
/// before: the image's own restorability (<see cref="RecycleBinSafety.CheckImageAsync"/>: Skip when its tags defeat the
/// rules), then the ledger record, then the Recycle Bin tag on the image and its snapshots (a failed read, write or tag
/// throws, so the executor records the image Failed and does not deregister it); after: mark the record Deregistered,
/// then verify the image and its deleted snapshots are in the Recycle Bin (<see cref="RecycleBinSafety.VerifyAsync"/>):
/// any miss sets the latch and stops every further deregistration.
/// </summary>
/// <remarks>One instance per run (it counts).</remarks>
public sealed class ExpiryGuard : IDeregistrationGuard
{
    private readonly IDeregistrationLedger _ledger;
    private readonly LedgerRecordFactory _records;
    private readonly RecycleBinSafety _safety;
    private readonly RecycleBinTagger _tagger;
    private readonly TimeProvider _time;
    private readonly string _runId;
    private readonly DisableStageCheck? _stage;

    /// <param name="stage">With the disable stage on: the check that only images disabled long enough are deregistered.</param>
    public ExpiryGuard(
        IDeregistrationLedger ledger, LedgerRecordFactory records, RecycleBinTagger tagger, RecycleBinSafety safety, TimeProvider time, string runId,
        DisableStageCheck? stage = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(safety);
        ArgumentNullException.ThrowIfNull(time);
        _ledger = ledger;
        _records = records;
        _tagger = tagger;
        _safety = safety;
        _time = time;
        _runId = runId;
        _stage = stage;
    }

    public int LedgerRecordsWritten { get; private set; }

    /// <summary>Set when a check after a deregistration stopped the run.</summary>
    public string? AbortReason { get; private set; }

    public RecycleBinSafety Safety => _safety;

    public async ValueTask<GuardVerdict> BeforeDeregisterAsync(DeregistrationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var restorable = await _safety.CheckImageAsync(context.Current, cancellationToken);
        if (restorable.Kind != GuardVerdictKind.Proceed)
        {
            AbortReason = restorable.Kind == GuardVerdictKind.Stop ? restorable.Reason : AbortReason;
            return restorable;
        }

        DisableRecord? disabled = null;
        if (_stage is not null)
        {
            (var skip, disabled) = await _stage.CheckAsync(context, cancellationToken);
            if (skip is not null)
            {
                return GuardVerdict.Skip(skip);
            }
        }

        // A disabled image has no launch permissions left: the ledger record keeps the ones its disable recorded, so a
        // restore from the Recycle Bin shares it again.
        var record = await _records.CreateAsync(context, _runId, cancellationToken, disabled?.LaunchPermissions);
        await _ledger.PutAsync(record, cancellationToken);
        LedgerRecordsWritten++;
        await _tagger.TagAsync(context.Current, cancellationToken);
        return GuardVerdict.Proceed;
    }

    public async ValueTask<GuardVerdict> AfterDeregisterAsync(DeregistrationContext context, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(outcome);
        try
        {
            await _ledger.UpdateStatusAsync(context.Region, context.ImageId, LedgerStatus.Deregistered, _time.GetUtcNow(), cancellationToken);
        }
#pragma warning disable CA1031 // A ledger that cannot be updated is not trusted for the next deregistration: stop (fail closed).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            AbortReason = $"the ledger record of {context.ImageId} could not be marked Deregistered ({ex.GetType().Name}: {ex.Message})";
            var verified = await _safety.VerifyAsync(context, outcome, cancellationToken);
            AbortReason += verified.Kind == GuardVerdictKind.Stop ? "; " + verified.Reason : string.Empty;
            return GuardVerdict.Stop(AbortReason);
        }

        var verdict = await _safety.VerifyAsync(context, outcome, cancellationToken);
        if (verdict.Kind == GuardVerdictKind.Stop)
        {
            AbortReason = verdict.Reason;
        }

        return verdict;
    }
}
