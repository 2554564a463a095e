using AmiAutomation.Aws.Disabling;
using AmiAutomation.Aws.RecycleBin;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.OnDemand;
using AmiAutomation.Core.Restore;

namespace AmiAutomation.Aws.OnDemand;

/// <summary>
/// Heals one image a failed launch needed: re-reads its state (image, Recycle Bin, ledger), lets
/// <see cref="OnDemandPlanner"/> decide, then enables it or restores it through the ordinary restore path (which holds
/// it and marks the ledger). Call it under the run lease: the re-read then sees what an earlier duplicate already did,
/// so the same failure reported many times heals the image once.
/// </summary>
/// <remarks>IAM: ec2:DescribeImages, ec2:ListImagesInRecycleBin, the ledger's GetItem; plus the enabler's and the
/// restorer's calls.</remarks>
public sealed class OnDemandHealer
{
    private readonly Ec2RestoreLookup _lookup;
    private readonly Ec2RecycleBin _bin;
    private readonly IDeregistrationLedger _ledger;
    private readonly DisabledImageEnabler _enabler;
    private readonly RecycleBinRestorer _restorer;
    private readonly string _region;
    private readonly string _accountId;

    public OnDemandHealer(
        Ec2RestoreLookup lookup, Ec2RecycleBin bin, IDeregistrationLedger ledger, DisabledImageEnabler enabler, RecycleBinRestorer restorer, string region, string accountId)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(bin);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(enabler);
        ArgumentNullException.ThrowIfNull(restorer);
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        (_lookup, _bin, _ledger, _enabler, _restorer, _region, _accountId) = (lookup, bin, ledger, enabler, restorer, region, accountId);
    }

    /// <summary>What is true of <paramref name="imageId"/> now.</summary>
    public async Task<OnDemandSituation> ReadAsync(string imageId, CancellationToken cancellationToken)
    {
        var image = (await _lookup.DescribeImagesAsync([imageId], cancellationToken))
            .FirstOrDefault(i => string.Equals(i.ImageId, imageId, StringComparison.Ordinal));
        if (image is not null)
        {
            var disabled = image.State == ImageState.Disabled
                && await _ledger.GetDisableRecordAsync(_region, imageId, cancellationToken) is not null;
            return new OnDemandSituation(imageId, image, false, false, disabled, _accountId);
        }

        var binned = (await _bin.ListImagesAsync([imageId], cancellationToken))
            .Any(b => string.Equals(b.ImageId, imageId, StringComparison.Ordinal));
        var record = binned ? await _ledger.GetAsync(_region, imageId, cancellationToken) : null;
        return new OnDemandSituation(imageId, null, binned, record is not null, false, _accountId);
    }

    public async Task<OnDemandImageOutcome> HealAsync(string imageId, bool dryRun, CancellationToken cancellationToken)
    {
        var decision = OnDemandPlanner.Decide(await ReadAsync(imageId, cancellationToken));
        switch (decision.Action)
        {
            case OnDemandAction.Enable:
                var enabled = await _enabler.EnableAsync(imageId, dryRun, cancellationToken);
                var enableStatus = enabled.Outcome switch
                {
                    _ when !enabled.Succeeded => OnDemandImageOutcome.Failed,
                    EnableOutcome.Enabled => OnDemandImageOutcome.Enabled,
                    EnableOutcome.DryRun => OnDemandImageOutcome.DryRun,
                    _ => OnDemandImageOutcome.NothingDone,
                };
                return new OnDemandImageOutcome(decision, enableStatus, DescribeEnable(enabled)) { Enable = enabled };
            case OnDemandAction.Restore:
                var restored = await _restorer.RestoreAsync(RestoreTarget.ForImageId(imageId), dryRun, cancellationToken);
                var status = restored.Status switch
                {
                    RestoreStatus.Restored => OnDemandImageOutcome.Restored,
                    RestoreStatus.DryRun => OnDemandImageOutcome.DryRun,
                    RestoreStatus.Partial => OnDemandImageOutcome.Partial,
                    RestoreStatus.Failed => OnDemandImageOutcome.Failed,
                    _ => OnDemandImageOutcome.NothingDone,
                };
                return new OnDemandImageOutcome(decision, status, $"restore: {restored.Status}") { Restore = restored };
            default:
                return new OnDemandImageOutcome(decision, OnDemandImageOutcome.NothingDone, decision.Reason);
        }
    }

    private static string DescribeEnable(EnableResult result)
    {
        var text = $"enable: {result.Outcome}, {result.LaunchPermissionsReapplied.Count} launch permission(s) re-applied";
        if (result.HoldUntil is { } hold)
        {
            text += $", held until {hold:yyyy-MM-ddTHH:mm:ssZ}";
        }

        return string.Join("; ", [text, .. result.Problems, .. result.Notes]);
    }
}
