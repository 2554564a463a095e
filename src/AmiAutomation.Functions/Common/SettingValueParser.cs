using System.Globalization;
using System.Text.RegularExpressions;

namespace AmiAutomation.Functions.Common;

/// <summary>The text formats <see cref="SettingsReader"/> accepts: lists, enum names, durations.</summary>
internal static partial class SettingValueParser
{
    public static IReadOnlyList<string> SplitList(string value)
    {
        var items = new List<string>();
        foreach (var raw in value.Split([',', ';', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!items.Contains(raw, StringComparer.Ordinal))
            {
                items.Add(raw);
            }
        }

        return items;
    }

    public static bool TryParseEnum<TEnum>(string value, out TEnum parsed)
        where TEnum : struct, Enum
    {
        var normalized = value.Replace("-", string.Empty, StringComparison.Ordinal)
            .Replace("_", string.Empty, StringComparison.Ordinal);
        return Enum.TryParse(normalized, ignoreCase: true, out parsed)
            && !int.TryParse(normalized, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            && Enum.IsDefined(parsed);
    }

    public static bool TryParseDuration(string value, out TimeSpan duration)
    {
        var match = DurationPattern().Match(value);
        if (match.Success
            && double.TryParse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            var ms = match.Groups["u"].Value.ToUpperInvariant() switch
            {
                "MS" => amount,
                "S" => amount * 1_000,
                "M" => amount * 60_000,
                "H" => amount * 3_600_000,
                _ => amount * 86_400_000,
            };
            if (ms <= TimeSpan.MaxValue.TotalMilliseconds)
            {
                duration = TimeSpan.FromMilliseconds(ms);
                return true;
            }
        }

        return TimeSpan.TryParseExact(value, "c", CultureInfo.InvariantCulture, out duration);
    }

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)\s*(?<u>ms|s|m|h|d)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();
}
