namespace AmiAutomation.Functions.Copy;

/// <summary>The copy function's own EMF metrics; the shared ones (SkippedImages by Reason, Errors, DryRunActions,
/// NotStartedActions) are in <see cref="Common.MetricNames"/>.</summary>
public static class CopyMetricNames
{
    /// <summary>CopyImage calls that started a copy.</summary>
    public const string CopiesStarted = "CopiesStarted";

    /// <summary>Copies whose launch permissions and deprecation were carried over.</summary>
    public const string CopiesFinished = "CopiesFinished";

    /// <summary>Failed CopyImage or finishing calls, and copies that ended <c>failed</c>.</summary>
    public const string CopiesFailed = "CopiesFailed";

    /// <summary>Copies put off to a later run (copy limit reached, run cap).</summary>
    public const string CopiesDeferred = "CopiesDeferred";

    /// <summary>Copies pending longer than COPY_STUCK_AFTER_MINUTES.</summary>
    public const string CopiesStuck = "CopiesStuck";
}
