using System.Globalization;
using AmiAutomation.Core.Inventory;

namespace AmiAutomation.Core.Planning;

/// <summary>How times and durations read in reason details: compact, UTC, culture-invariant.</summary>
internal static class PlanText
{
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? time) => time is { } value ? Time(value) : "never";

    /// <summary>Whole days elapsed from <paramref name="from"/> to <paramref name="to"/> (floored; negative when in the future).</summary>
    public static long DaysBetween(DateTimeOffset from, DateTimeOffset to) =>
        (long)Math.Floor((to - from).TotalDays);

    /// <summary>"Instances Failed (Throttling); LaunchTemplates Truncated".</summary>
    public static string Sources(IEnumerable<SourceReport> sources) =>
        string.Join("; ", sources.Select(s => s.Error is null ? $"{s.Source} {s.Status}" : $"{s.Source} {s.Status} ({s.Error})"));
}
