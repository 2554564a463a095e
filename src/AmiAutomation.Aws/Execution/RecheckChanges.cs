using AmiAutomation.Core.Images;

namespace AmiAutomation.Aws.Execution;

/// <summary>Changes between the planned image and the re-read one that mean "someone touched it: leave it alone".</summary>
internal static class RecheckChanges
{
    public static IEnumerable<string> SincePlanning(AmiImage planned, AmiImage current)
    {
        foreach (var share in NewShares(planned, current))
        {
            yield return share;
        }

        if (current.State != planned.State)
        {
            yield return $"state changed from {planned.State} to {current.State} since planning";
        }

        if (current.LastLaunchedTime is { } launched && (planned.LastLaunchedTime is null || launched > planned.LastLaunchedTime))
        {
            yield return $"launched at {Ec2TimeText(launched)} since planning";
        }

        if (planned.DeprecationTime is { } plannedDeprecation
            && (current.DeprecationTime is null || current.DeprecationTime > plannedDeprecation))
        {
            yield return current.DeprecationTime is { } later
                ? $"deprecation moved from {Ec2TimeText(plannedDeprecation)} to {Ec2TimeText(later)} since planning"
                : "deprecation was cancelled since planning";
        }
    }

    /// <summary>Shares (accounts, organizations, OUs) present now that were not when the plan was made; nothing when the
    /// plan did not know the permissions (then <see cref="Core.Protection.SharedImageCheck"/> judges the re-read ones).</summary>
    private static IEnumerable<string> NewShares(AmiImage planned, AmiImage current)
    {
        if (planned.LaunchPermissions is not { } before || current.LaunchPermissions is not { } after)
        {
            yield break;
        }

        foreach (var share in after.Where(p => p.Kind != LaunchPermissionKind.Public).Except(before))
        {
            yield return $"shared with {share.Kind} {share.Value} since planning";
        }
    }

    private static string Ec2TimeText(DateTimeOffset time) => Mapping.Ec2Time.Format(time);
}
