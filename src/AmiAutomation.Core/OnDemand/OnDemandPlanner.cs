using AmiAutomation.Core.Images;

namespace AmiAutomation.Core.OnDemand;

/// <summary>
/// Decides what self-healing does for an image a failed launch needed. Only images of ours are touched: owned by this
/// account and not managed by an AWS service (AWS Backup, DLM and Image Builder run their own lifecycles; Image Builder
/// disables images itself). A disabled image is enabled only with our disable record, a deregistered one comes back
/// only from the Recycle Bin and only with our ledger record: we took it away, and the record says what to re-apply
/// (an image someone disabled by hand may be their own scream test). Anything else: nothing, with a reason.
/// </summary>
/// <remarks>Idempotent by construction: it is called on the state re-read under the run lease, so a duplicate event
/// after a heal sees an available image and does nothing.</remarks>
public static class OnDemandPlanner
{
    public static OnDemandDecision Decide(OnDemandSituation situation)
    {
        ArgumentNullException.ThrowIfNull(situation);
        var id = situation.ImageId;
        if (situation.Image is { } image)
        {
            if (!string.Equals(image.OwnerId, situation.AccountId, StringComparison.Ordinal))
            {
                return None(id, $"owned by account {image.OwnerId}, not this account ({situation.AccountId}); only its owner can enable it");
            }

            if (image.ManagedBy is ImageManager.AwsBackup or ImageManager.DataLifecycleManager or ImageManager.ImageBuilder)
            {
                return None(id, $"managed by {image.ManagedBy}, which runs its own lifecycle; enable it there if it is still needed");
            }

            return image.State switch
            {
                ImageState.Disabled when situation.HasDisableRecord => new OnDemandDecision(id, OnDemandAction.Enable, "disabled by this automation, and a launch still needs it"),
                ImageState.Disabled => None(id, "disabled, but not by this automation (no disable record in the ledger); enable it by hand (ami-automation enable " + id + ") if it is needed"),
                ImageState.Available => None(id, "available already (enabled or restored meanwhile, or the launch failed for another reason)"),
                _ => None(id, $"state is {image.State}; only a disabled image can be enabled"),
            };
        }

        if (!situation.InRecycleBin)
        {
            return None(id, "not registered and not in this account's Recycle Bin: deregistered for good, never existed here, or another account's image");
        }

        return situation.HasLedgerRecord
            ? new OnDemandDecision(id, OnDemandAction.Restore, "in the Recycle Bin with our ledger record, and a launch still needs it")
            : None(id, "in the Recycle Bin without a ledger record (not retired by this automation); restore it by hand with {\"imageId\": \"" + id + "\"} if it is needed");
    }

    private static OnDemandDecision None(string imageId, string reason) => new(imageId, OnDemandAction.None, reason);
}
