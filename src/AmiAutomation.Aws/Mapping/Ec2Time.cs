using System.Globalization;

namespace AmiAutomation.Aws.Mapping;

/// <summary>EC2's times: ISO 8601 UTC strings in responses, <see cref="DateTimeKind.Utc"/> DateTimes in requests.</summary>
public static class Ec2Time
{
    private const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    /// <summary>Parses an EC2 time string (with or without milliseconds); null or blank gives null.</summary>
    /// <exception cref="FormatException">The value is not a time; the message names <paramref name="field"/>.</exception>
    public static DateTimeOffset? Parse(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, Styles, out var parsed)
            ? parsed.ToUniversalTime()
            : throw new FormatException($"{field} '{value}' is not an ISO 8601 time.");
    }

    /// <summary>Like <see cref="Parse"/> without throwing: false when the value is not a time; null or blank gives true and null.</summary>
    public static bool TryParse(string? value, out DateTimeOffset? time)
    {
        time = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, Styles, out var parsed))
        {
            time = parsed.ToUniversalTime();
            return true;
        }

        return false;
    }

    /// <summary>Formats a time the way EC2 does (<c>2025-02-17T20:22:19.000Z</c>).</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A request DateTime: always <see cref="DateTimeKind.Utc"/> (Local/Unspecified would be converted from local time).</summary>
    public static DateTime ToRequestTime(DateTimeOffset value) => DateTime.SpecifyKind(value.UtcDateTime, DateTimeKind.Utc);
}
