using AmiAutomation.Aws.Execution;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;

namespace AmiAutomation.Functions.Expire;

/// <summary>
/// The disable stage's guard: right before each DisableImage, writes the ledger's disable record with the launch
/// permissions the re-check just read (DisableImage removes them for good:
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DisableImage.html); a failed write throws, so the image is
/// not disabled. After it, marks the record Disabled, dated by the clock then (never before the disable happened).
/// </summary>
public sealed class DisableRecorder(IDeregistrationLedger ledger, TimeProvider time, string runId) : IDisableGuard
{
    public int RecordsWritten { get; private set; }

    public async ValueTask<GuardVerdict> BeforeDisableAsync(DeregistrationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var image = context.Current;
        // The re-check always reads them; unknown permissions cannot be recorded, so no disable.
        var permissions = image.LaunchPermissions
            ?? throw new InvalidOperationException($"the launch permissions of {image.ImageId} were not read: they cannot be recorded, so it is not disabled");
        if (image.IsPublic && !permissions.Contains(LaunchPermission.Public))
        {
            permissions = [.. permissions, LaunchPermission.Public];
        }

        var record = new DisableRecord
        {
            ImageId = image.ImageId,
            Region = context.Region,
            Name = image.Name,
            Family = context.Decision.Family,
            State = image.State,
            LaunchPermissions = permissions,
            DeprecationTime = image.DeprecationTime,
            Reasons = [.. context.Decision.Reasons.Select(r => r.ToString())],
            RunId = runId,
            RecordedAt = time.GetUtcNow(),
            Status = DisableRecordStatus.PendingDisable,
        };
        await ledger.PutDisableRecordAsync(record, cancellationToken);
        RecordsWritten++;
        return GuardVerdict.Proceed;
    }

    public async ValueTask AfterDisableAsync(DeregistrationContext context, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var record = await ledger.GetDisableRecordAsync(context.Region, context.ImageId, cancellationToken)
            ?? throw new InvalidOperationException($"the disable record of {context.ImageId} written before DisableImage is gone");
        await ledger.PutDisableRecordAsync(record with { Status = DisableRecordStatus.Disabled, DisabledAt = time.GetUtcNow() }, cancellationToken);
    }
}
