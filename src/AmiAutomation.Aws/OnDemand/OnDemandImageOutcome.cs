using AmiAutomation.Aws.Disabling;
using AmiAutomation.Core.OnDemand;
using AmiAutomation.Core.Restore;

namespace AmiAutomation.Aws.OnDemand;

/// <summary>What self-healing did for one image: the decision, and how its action went.</summary>
public sealed record OnDemandImageOutcome(OnDemandDecision Decision, string Status, string Message)
{
    public const string Enabled = "enabled";
    public const string Restored = "restored";
    public const string DryRun = "dry-run";
    public const string NothingDone = "nothing-done";
    public const string Partial = "partial";
    public const string Failed = "failed";

    public string ImageId => Decision.ImageId;

    /// <summary>The restore's own result, when the image was restored from the Recycle Bin.</summary>
    public RestoreResult? Restore { get; init; }

    /// <summary>The enabler's own result, when the image was enabled.</summary>
    public EnableResult? Enable { get; init; }

    /// <summary>True when this call changed the image (enabled it or brought it out of the bin).</summary>
    public bool Healed => Status is Enabled or Restored;
}
