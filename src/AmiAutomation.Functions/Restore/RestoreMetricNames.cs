namespace AmiAutomation.Functions.Restore;

/// <summary>The restore function's EMF metrics (namespace and <c>service</c> dimension come from the host).</summary>
public static class RestoreMetricNames
{
    /// <summary>Images this call brought out of the Recycle Bin (never in a dry run).</summary>
    public const string ImagesRestored = "ImagesRestored";

    /// <summary>Snapshots this call brought out of the Recycle Bin (never in a dry run).</summary>
    public const string SnapshotsRestored = "SnapshotsRestored";

    /// <summary>Disabled images this call enabled (the <c>enable</c> payload; never in a dry run).</summary>
    public const string ImagesEnabled = "ImagesEnabled";

    /// <summary>Restores that failed (an error was returned); alarm on any.</summary>
    public const string RestoreFailures = "RestoreFailures";
}
