using System.Globalization;
using AmiAutomation.Core.Inventory;

namespace AmiAutomation.Core.Planning;

/// <summary>How times and durations read in reason details: compact, UTC, culture-invariant.</summary>
internal static class PlanText
{
    /// <summary>"2025-06-01T12:00Z" (minutes, UTC). Hand-rolled: called for most decisions of 100,000-image plans.</summary>
    public static string Time(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        if (utc.Year > 9999 || utc.Year < 1000)
        {
            return utc.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
        }

        return string.Create(17, utc, static (span, value) =>
        {
            Digits(span[..4], value.Year);
            span[4] = '-';
            Digits(span.Slice(5, 2), value.Month);
            span[7] = '-';
            Digits(span.Slice(8, 2), value.Day);
            span[10] = 'T';
            Digits(span.Slice(11, 2), value.Hour);
            span[13] = ':';
            Digits(span.Slice(14, 2), value.Minute);
            span[16] = 'Z';
        });
    }

    public static string Time(DateTimeOffset? time) => time is { } value ? Time(value) : "never";

    /// <summary>Whole days elapsed from <paramref name="from"/> to <paramref name="to"/> (floored; negative when in the future).</summary>
    public static long DaysBetween(DateTimeOffset from, DateTimeOffset to) =>
        (long)Math.Floor((to - from).TotalDays);

    /// <summary>"Instances Failed (Throttling); LaunchTemplates Truncated".</summary>
    public static string Sources(IEnumerable<SourceReport> sources) =>
        string.Join("; ", sources.Select(s => s.Error is null ? $"{s.Source} {s.Status}" : $"{s.Source} {s.Status} ({s.Error})"));

    private static void Digits(Span<char> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
