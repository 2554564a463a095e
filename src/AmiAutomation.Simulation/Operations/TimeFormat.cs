using System.Globalization;

namespace AmiAutomation.Simulation.Operations;

internal static class TimeFormat
{
    /// <summary>EC2's string times: ISO 8601 UTC with milliseconds (<c>2021-09-29T11:04:43.305Z</c>).</summary>
    public static string Iso(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string? Iso(DateTimeOffset? value) => value is { } v ? Iso(v) : null;

    /// <summary>As the SDK sends a <see cref="DateTime"/>: Utc as is, Local/Unspecified converted from local time.</summary>
    public static DateTimeOffset FromRequest(DateTime value) =>
        new(value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(), TimeSpan.Zero);

    public static DateTimeOffset RoundToMinute(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        var minute = TimeSpan.TicksPerMinute;
        var rounded = (ticks + (minute / 2)) / minute * minute;
        return new DateTimeOffset(rounded, TimeSpan.Zero);
    }
}
