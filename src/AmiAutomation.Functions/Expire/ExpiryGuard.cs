using AmiAutomation.Aws.Execution;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;

namespace AmiAutomation.Functions.Expire;

/// <summary>
/// The expire function's hooks around each real deregistration (never called in dry runs):
/// before: write the ledger record, then tag the image and its snapshots for the Recycle Bin rules (a failed write or
/// tag throws, so the executor records the image Failed and does not deregister it); after: mark the record Deregistered, and after the run's first EBS-backed deregistration (when
/// required) wait for the image in the Recycle Bin; missing → stop every further deregistration.
/// </summary>
/// <remarks>One instance per run (it counts). Instance store-backed images never enter the Recycle Bin, so they are
/// not the image the check waits for.</remarks>
public sealed class ExpiryGuard : IDeregistrationGuard
{
    private readonly IDeregistrationLedger _ledger;
    private readonly LedgerRecordFactory _records;
    private readonly RecycleBinVerifier? _recycleBin;
    private readonly RecycleBinTagger _tagger;
    private readonly TimeProvider _time;
    private readonly string _runId;
    private bool _binChecked;

    /// <param name="recycleBin">null: the Recycle Bin is not checked (<c>REQUIRE_RECYCLE_BIN=false</c>).</param>
    public ExpiryGuard(IDeregistrationLedger ledger, LedgerRecordFactory records, RecycleBinTagger tagger, RecycleBinVerifier? recycleBin, TimeProvider time, string runId)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        _tagger = tagger;
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(time);
        _ledger = ledger;
        _records = records;
        _recycleBin = recycleBin;
        _time = time;
        _runId = runId;
    }

    public int LedgerRecordsWritten { get; private set; }

    /// <summary>Set when the Recycle Bin check stopped the run.</summary>
    public string? AbortReason { get; private set; }

    /// <summary>The Recycle Bin check's result, once it ran.</summary>
    public RecycleBinCheck? RecycleBinCheck { get; private set; }

    public async ValueTask<GuardVerdict> BeforeDeregisterAsync(DeregistrationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var record = await _records.CreateAsync(context, _runId, cancellationToken).ConfigureAwait(false);
        await _ledger.PutAsync(record, cancellationToken).ConfigureAwait(false);
        LedgerRecordsWritten++;
        await _tagger.TagAsync(context.Current, cancellationToken).ConfigureAwait(false);
        return GuardVerdict.Proceed;
    }

    public async ValueTask<GuardVerdict> AfterDeregisterAsync(DeregistrationContext context, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await _ledger.UpdateStatusAsync(context.Region, context.ImageId, LedgerStatus.Deregistered, _time.GetUtcNow(), cancellationToken)
                .ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A ledger that cannot be updated is not trusted for the next deregistration: stop (fail closed).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            AbortReason = $"the ledger record of {context.ImageId} could not be marked Deregistered ({ex.GetType().Name}: {ex.Message})";
            return GuardVerdict.Stop(AbortReason);
        }

        if (_recycleBin is null || _binChecked || context.Current.RootDevice != RootDeviceKind.Ebs)
        {
            return GuardVerdict.Proceed;
        }

        _binChecked = true;
        try
        {
            RecycleBinCheck = await _recycleBin.WaitForImageAsync(context.ImageId, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            AbortReason = $"the deadline interrupted the Recycle Bin check for {context.ImageId}; no further deregistration without it";
            return GuardVerdict.Stop(AbortReason);
        }

        if (RecycleBinCheck.Found)
        {
            return GuardVerdict.Proceed;
        }

        AbortReason = RecycleBinCheck.Describe();
        return GuardVerdict.Stop(AbortReason);
    }
}
