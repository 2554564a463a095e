namespace AmiAutomation.Core.Replication;

/// <summary>Everything a copy plan depends on besides the images: policy, where the stack runs, what triggered the
/// run, the time, and which names count as region names (the AWS side's validator; the core has no region list).</summary>
public sealed record CopyPlanContext(
    CopyPolicy Policy,
    string OwnRegion,
    CopyTrigger Trigger,
    DateTimeOffset Now,
    Func<string, bool> IsValidRegion)
{
    /// <summary>Destinations asked for by hand; null = the tag or the policy decides.</summary>
    public IReadOnlyList<string>? RequestedRegions { get; init; }
}
