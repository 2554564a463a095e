using System.Globalization;
using System.Text.RegularExpressions;

namespace AmiAutomation.Cli.Planning;

/// <summary>Parses <c>--at</c>: an ISO 8601 date or time (UTC unless an offset is given) or <c>+N</c> days/hours from now.</summary>
internal static partial class PlanTime
{
    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset value)
    {
        var relative = RelativePattern().Match(text.Trim());
        if (relative.Success)
        {
            var amount = int.Parse(relative.Groups["n"].Value, CultureInfo.InvariantCulture);
            value = relative.Groups["u"].Value.ToUpperInvariant() switch
            {
                "H" => now.AddHours(amount),
                "W" => now.AddDays(7.0 * amount),
                _ => now.AddDays(amount),
            };
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
