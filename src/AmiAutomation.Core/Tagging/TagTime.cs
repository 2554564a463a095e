using System.Globalization;

namespace AmiAutomation.Core.Tagging;

/// <summary>
/// Reads and writes the times held in tags (<see cref="TagNames.KeepUntil"/>, <see cref="TagNames.ExpiresAt"/>):
/// RFC 3339 date-times (<c>2025-01-31T12:00:00Z</c>, with an offset or fractional seconds) or bare dates.
/// </summary>
/// <remarks>
/// A bare date covers that whole UTC day: <c>keep-until 2025-01-31</c> holds through the end of the 31st and
/// <c>expires-at 2025-01-31</c> passes at 2025-02-01T00:00Z. A date-time without an offset is taken as UTC.
/// Anything else (locale formats such as <c>1/31/2025</c>) is rejected; callers decide the safe meaning of an
/// unreadable value (a hold stays in force, an expiry does not fire).
/// </remarks>
public static class TagTime
{
    private const string DateOnlyFormat = "yyyy-MM-dd";

    /// <summary>Parses a tag value; for a bare date returns the start of the following UTC day.</summary>
    public static bool TryParse(string? value, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var text = value.Trim();
        if (!StartsWithIsoDate(text))
        {
            return false;
        }

        if (DateTime.TryParseExact(text, DateOnlyFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            // 9999-12-31 has no following day: the hold lasts as long as time can be represented.
            time = date.Date == DateTime.MaxValue.Date ? DateTimeOffset.MaxValue : new DateTimeOffset(date.Date.AddDays(1), TimeSpan.Zero);
            return true;
        }

        if (DateTimeOffset.TryParse(
                text,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var parsed))
        {
            time = parsed.ToUniversalTime();
            return true;
        }

        return false;
    }

    /// <summary>Formats a time for a tag value: <c>yyyy-MM-ddTHH:mm:ssZ</c> in UTC.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static bool StartsWithIsoDate(string text) =>
        text.Length >= 10
        && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2]) && char.IsAsciiDigit(text[3])
        && text[4] == '-'
        && char.IsAsciiDigit(text[5]) && char.IsAsciiDigit(text[6])
        && text[7] == '-'
        && char.IsAsciiDigit(text[8]) && char.IsAsciiDigit(text[9]);
}
