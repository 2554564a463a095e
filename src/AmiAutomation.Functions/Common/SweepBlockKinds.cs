namespace AmiAutomation.Functions.Common;

/// <summary>The <see cref="SweepBlock.Kind"/> values (metric dimension <c>Reason</c> of <see cref="MetricNames.RunsBlockedByGate"/>).</summary>
public static class SweepBlockKinds
{
    /// <summary>The Recycle Bin latch is set: an earlier run saw a miss; an operator must clear it.</summary>
    public const string RecycleBinLatch = "RecycleBinLatch";

    /// <summary>The latch record could not be read: it may be set.</summary>
    public const string RecycleBinLatchUnreadable = "RecycleBinLatchUnreadable";

    /// <summary>The retention rules do not keep what we would deregister.</summary>
    public const string RecycleBinRules = "RecycleBinRules";

    /// <summary>The retention rules could not be read.</summary>
    public const string RecycleBinRulesUnchecked = "RecycleBinRulesUnchecked";
}
