using System.Text.RegularExpressions;
using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Cli.Commands;

/// <summary><c>--set NAME=VALUE</c> values layered over another environment (the process's, or the simulator's defaults).</summary>
internal sealed partial class SettingOverrides : IEnvironmentVariables
{
    private readonly Dictionary<string, string> _values;
    private readonly IEnvironmentVariables _fallback;

    public SettingOverrides(IReadOnlyDictionary<string, string> values, IEnvironmentVariables fallback)
    {
        _values = new Dictionary<string, string>(values, StringComparer.Ordinal);
        _fallback = fallback;
    }

    public string? Get(string name) => _values.TryGetValue(name, out var value) ? value : _fallback.Get(name);

    /// <summary>Layers the parsed <c>--set</c> items over <paramref name="fallback"/> (later items win).</summary>
    public static SettingOverrides Layer(IEnumerable<string>? items, IEnvironmentVariables fallback)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items ?? [])
        {
            if (TryParse(item, out var name, out var value))
            {
                values[name] = value;
            }
        }

        return new SettingOverrides(values, fallback);
    }

    /// <summary>The names the valid items set.</summary>
    public static IEnumerable<string> Names(IEnumerable<string>? items)
    {
        foreach (var item in items ?? [])
        {
            if (TryParse(item, out var name, out _))
            {
                yield return name;
            }
        }
    }

    public static bool TryParse(string item, out string name, out string value)
    {
        var match = Pattern().Match(item ?? string.Empty);
        name = match.Success ? match.Groups["name"].Value : string.Empty;
        value = match.Success ? match.Groups["value"].Value : string.Empty;
        return match.Success;
    }

    [GeneratedRegex("^(?<name>[A-Z][A-Z0-9_]{0,127})=(?<value>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Pattern();
}
