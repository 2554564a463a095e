namespace AmiAutomation.Core.Inventory;

/// <summary>How one inventory or reference source fared in a run. Any required source that is not
/// <see cref="SourceStatus.Complete"/> blocks every destructive action (fail closed).</summary>
public sealed record SourceReport(InventorySource Source, SourceStatus Status, int Items, int Calls, string? Error = null)
{
    public bool IsComplete => Status == SourceStatus.Complete;
}

public enum SourceStatus
{
    Complete,

    /// <summary>Errored, throttled past retries, or not implemented by the endpoint.</summary>
    Failed,

    /// <summary>Returned a page token loop, a short page, or fewer items than the floor: cannot be trusted.</summary>
    Truncated,

    /// <summary>Configured off; counts as complete for the fail-closed check only because the operator said so.</summary>
    Disabled,
}

/// <summary>The sources an inventory is built from. Which are required is configuration (default: all).</summary>
public enum InventorySource
{
    Images,
    Instances,
    LaunchTemplates,
    ImageReferences,
    LastLaunchedTime,

    /// <summary>Auto Scaling launch configurations (autoscaling:DescribeLaunchConfigurations).</summary>
    LaunchConfigurations,

    /// <summary>Spot Instance requests that can still launch (open, active, disabled).</summary>
    SpotRequests,

    /// <summary>Spot Fleet requests that can still launch, with their launch specifications' images.</summary>
    SpotFleets,

    /// <summary>Launch permissions of the images that would otherwise be acted on (shared-image protection).</summary>
    LaunchPermissions,

    /// <summary>AMI usage reports across accounts (EXPIRE_SHARED_IMAGES=when-unused).</summary>
    UsageReports,
}
