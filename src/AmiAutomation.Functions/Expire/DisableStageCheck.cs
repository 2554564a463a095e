using AmiAutomation.Aws.Execution;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Tagging;

namespace AmiAutomation.Functions.Expire;

/// <summary>
/// With the disable stage on, the last check before a DeregisterImage: the image (as re-read) is disabled, and the
/// ledger's disable record, read again now, dates a confirmed disable at least EXPIRE_AFTER_DISABLED_DAYS before the
/// clock now. Anything else (available again, re-enabled, record gone or pending, a disable time in the future) → skip.
/// </summary>
public sealed class DisableStageCheck(IDeregistrationLedger ledger, TimeProvider time, TimeSpan expireAfterDisabled)
{
    /// <summary>Null when the deregistration may go ahead; else the skip reason. Throws when the ledger cannot be read
    /// (the guard then fails the image: not deregistered).</summary>
    public async Task<(string? Skip, DisableRecord? Record)> CheckAsync(DeregistrationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Current.State != ImageState.Disabled)
        {
            return ($"{ReasonCode.NotDisabledLongEnough}: the image is {context.Current.State.ToString().ToLowerInvariant()}, not disabled; with the disable stage on only disabled images are deregistered", null);
        }

        var record = await ledger.GetDisableRecordAsync(context.Region, context.ImageId, cancellationToken);
        var now = time.GetUtcNow();
        if (record is not { Status: DisableRecordStatus.Disabled, DisabledAt: { } at })
        {
            return ($"{ReasonCode.NotDisabledLongEnough}: the ledger has no confirmed disable of it now ({record?.Status.ToString() ?? "no record"}); not deregistered", record);
        }

        if (at > now)
        {
            return ($"{ReasonCode.NotDisabledLongEnough}: the ledger dates its disable at {TagTime.Format(at)}, after now ({TagTime.Format(now)}): clock skew; not deregistered", record);
        }

        return at + expireAfterDisabled > now
            ? ($"{ReasonCode.NotDisabledLongEnough}: disabled since {TagTime.Format(at)}, less than {expireAfterDisabled.TotalDays:0.##} days by the clock now; not deregistered", record)
            : (null, record);
    }
}
