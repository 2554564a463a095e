namespace AmiAutomation.Functions.Restore.OnDemand;

/// <summary>Self-healing's EMF metrics (namespace and <c>service</c> dimension come from the host).</summary>
public static class OnDemandMetricNames
{
    /// <summary>Disabled images enabled because a launch failed (never in a dry run). Each is a team that still needed
    /// an image the lifecycle took away: look at who (the log line) and why.</summary>
    public const string ImagesEnabledOnDemand = "ImagesEnabledOnDemand";

    /// <summary>Binned images restored because a launch failed (never in a dry run).</summary>
    public const string ImagesRestoredOnDemand = "ImagesRestoredOnDemand";

    /// <summary>Image failures of launches that self-healing could not or would not fix (not ours, gone for good,
    /// unresolvable launch template or group). Alarm on it: a launch is still failing.</summary>
    public const string LaunchFailuresNotHealed = "LaunchFailuresNotHealed";

    /// <summary>Events read and ignored (not an image failure, or AUTO_ENABLE_ON_DEMAND off).</summary>
    public const string EventsIgnored = "OnDemandEventsIgnored";
}
