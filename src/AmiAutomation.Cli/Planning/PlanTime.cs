using System.Globalization;
using System.Text.RegularExpressions;

namespace AmiAutomation.Cli.Planning;

/// <summary>Parses <c>--at</c>: an ISO 8601 date or time (UTC unless an offset is given) or <c>+N</c> days/hours from now.</summary>
internal static partial class PlanTime
{
    /// <summary>The earliest <c>--at</c>: EC2 has no AMIs from before 2006.</summary>
    public static readonly DateTimeOffset Earliest = new(2006, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The latest <c>--at</c>: far enough for any what-if, far enough from year 9999 that the planners'
    /// arithmetic (now + 10 years for EC2's deprecation limit) stays representable.</summary>
    public static readonly DateTimeOffset Latest = new(2199, 12, 31, 23, 59, 59, TimeSpan.Zero);

    /// <summary>The range as users read it in the error.</summary>
    public const string RangeText = "2006-01-01 to 2199-12-31";

    /// <summary>True when <paramref name="value"/> lies within [<see cref="Earliest"/>, <see cref="Latest"/>].</summary>
    public static bool IsInRange(DateTimeOffset value) => value >= Earliest && value <= Latest;

    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset value)
    {
        var relative = RelativePattern().Match(text.Trim());
        if (relative.Success)
        {
            var amount = int.Parse(relative.Groups["n"].Value, CultureInfo.InvariantCulture);
            var offset = relative.Groups["u"].Value.ToUpperInvariant() switch
            {
                "H" => TimeSpan.FromHours(amount),
                "W" => TimeSpan.FromDays(7.0 * amount),
                _ => TimeSpan.FromDays(amount),
            };

            // Saturate instead of throwing: the range check then names the value.
            value = offset > DateTimeOffset.MaxValue - now ? DateTimeOffset.MaxValue : now + offset;
            return true;
        }

        return DateTimeOffset.TryParse(
            text.Trim(),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out value);
    }

    [GeneratedRegex(@"^\+(?<n>\d{1,5})(?<u>[dhw])$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RelativePattern();
}
