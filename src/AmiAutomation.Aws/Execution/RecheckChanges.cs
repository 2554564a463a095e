using AmiAutomation.Core.Images;

namespace AmiAutomation.Aws.Execution;

/// <summary>Changes between the planned image and the re-read one that mean "someone touched it: leave it alone".</summary>
internal static class RecheckChanges
{
    public static IEnumerable<string> SincePlanning(AmiImage planned, AmiImage current)
    {
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

    private static string Ec2TimeText(DateTimeOffset time) => Mapping.Ec2Time.Format(time);
}
