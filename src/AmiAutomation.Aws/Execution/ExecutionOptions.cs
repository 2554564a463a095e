using AmiAutomation.Core.Families;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Protection;

namespace AmiAutomation.Aws.Execution;

/// <summary>How <see cref="Ec2PlanExecutor"/> carries out a plan. Defaults are the safe ones.</summary>
public sealed record ExecutionOptions
{
    /// <summary>Send every mutating call with DryRun=true (EC2 checks permissions, changes nothing). Default true.</summary>
    public bool DryRun { get; init; } = true;

    /// <summary>Most DeregisterImage and DisableImage calls per run (dry-run calls count too); the rest are NotStarted. Default 50.</summary>
    public int MaxDestructiveActions { get; init; } = 50;

    /// <summary>The account that must own an image for the re-check to pass; null = the planned image's OwnerId
    /// (ownership then only re-checked by the planner).</summary>
    public string? AccountId { get; init; }

    /// <summary>Protections re-evaluated right before each deregistration (build with the policy's
    /// <c>ToProtectionOptions()</c>, as the planner did). Default: the strictest (all optional protections on).</summary>
    public ProtectionOptions Protection { get; init; } = new();

    /// <summary>When set, the family of each image is counted again right before DeregisterImage (after the guard's
    /// before-hook, so nothing that hook waits on can make the count stale): newest K and last-of-family on the images
    /// that exist then. Default null (no re-count); the expire function always sets it.</summary>
    public FamilyKeepRule? FamilyRecount { get; init; }

    /// <summary>Hooks around each real deregistration (ledger write, Recycle Bin check). Default: none.</summary>
    public IDeregistrationGuard Guard { get; init; } = DeregistrationGuard.None;

    /// <summary>Hooks around each real DisableImage (the ledger's disable record). Default
    /// <see cref="DisableGuard.Refuse"/>: nothing is disabled without a guard that records the launch permissions.</summary>
    public IDisableGuard DisableGuard { get; init; } = Execution.DisableGuard.Refuse;

    /// <summary>Re-check calls switched off by the operator, named by the inventory source they mirror:
    /// <see cref="InventorySource.ImageReferences"/> (DescribeImageReferences), <see cref="InventorySource.Instances"/>
    /// (DescribeInstances image-id), <see cref="InventorySource.LastLaunchedTime"/> (DescribeImageAttribute),
    /// <see cref="InventorySource.LaunchTemplates"/>, <see cref="InventorySource.LaunchConfigurations"/>,
    /// <see cref="InventorySource.SpotRequests"/>, <see cref="InventorySource.SpotFleets"/>. Default: none.</summary>
    public IReadOnlySet<InventorySource> DisabledRecheckSources { get; init; } = new HashSet<InventorySource>();

    /// <summary>Launch template id → highest version the inventory read (<c>InventorySnapshot.LaunchTemplateVersionsRead</c>):
    /// the re-check reads only templates created or given versions since. Null = unknown: every version is re-read once.</summary>
    public IReadOnlyDictionary<string, long>? LaunchTemplateVersionsSeen { get; init; }

    /// <summary>
    /// How long the re-check may reuse a listing (launch configurations, launchable Spot requests, Spot Fleet requests,
    /// changed launch templates) within one run before reading it again. Default 10 s: a run deregisters at most ~5
    /// images/s (EC2's DeregisterImage bucket), so re-reading every listing per image would multiply the listing calls by
    /// the number of images, while a consumer created inside a 10 s window is the same race as one created between any
    /// re-check and its DeregisterImage. <see cref="TimeSpan.Zero"/> = re-read before every deregistration.
    /// </summary>
    public TimeSpan RecheckListingMaxAge { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Every problem with these options (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxDestructiveActions < 0)
        {
            errors.Add($"MaxDestructiveActions must be 0 or more (is {MaxDestructiveActions}).");
        }

        if (Protection is null)
        {
            errors.Add("Protection must be set.");
        }

        if (Guard is null)
        {
            errors.Add("Guard must be set (use DeregistrationGuard.None).");
        }

        if (DisableGuard is null)
        {
            errors.Add("DisableGuard must be set (use DisableGuard.Refuse).");
        }

        if (RecheckListingMaxAge < TimeSpan.Zero || RecheckListingMaxAge > TimeSpan.FromMinutes(1))
        {
            errors.Add($"RecheckListingMaxAge must be 0–60 s (is {RecheckListingMaxAge}).");
        }

        if (DisabledRecheckSources is null)
        {
            errors.Add("DisabledRecheckSources must be set.");
        }

        return errors;
    }
}
