using System.Globalization;
using System.Text.RegularExpressions;
using AmiAutomation.Aws.Regions;
using AmiAutomation.Core.Families;
using AmiAutomation.Core.Policies;
using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Functions.Common;

/// <summary>
/// Reads environment variables through <see cref="IEnvironmentVariables"/> into typed values. Every getter returns
/// a usable value (the default when the variable is unset, blank or bad) and records each problem, naming the
/// variable and the bad value, so one start-up reports everything at once through <see cref="ThrowIfInvalid"/>.
/// </summary>
public sealed class SettingsReader
{
    private readonly IEnvironmentVariables _environment;
    private readonly List<string> _errors = [];

    public SettingsReader(IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
    }

    /// <summary>Every problem found so far, in the order found.</summary>
    public IReadOnlyList<string> Errors => _errors;

    public bool IsValid => _errors.Count == 0;

    /// <summary>Adds a problem found by a cross-variable check (e.g. "A must not exceed B").</summary>
    public void AddError(string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        _errors.Add(error);
    }

    /// <summary>
    /// Adds a core policy's own validation errors, but only when the variables read so far were all valid: the
    /// policy's messages name policy fields, the reader's already named the variables behind them.
    /// </summary>
    public void AddPolicyErrors(PolicyValidation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        if (_errors.Count == 0)
        {
            _errors.AddRange(validation.Errors);
        }
    }

    /// <summary>Throws a <see cref="ConfigurationException"/> listing every problem, if there is any.</summary>
    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw new ConfigurationException([.. _errors]);
        }
    }

    /// <summary>The trimmed value, or null when unset or blank.</summary>
    public string? GetString(string name)
    {
        var value = _environment.Get(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>A family rule override (a .NET regular expression, see <see cref="FamilyResolver"/>); null when unset
    /// or invalid (the error is recorded).</summary>
    public string? GetFamilyPattern(string name)
    {
        var pattern = GetString(name);
        if (FamilyResolver.ValidatePattern(pattern, name) is { } error)
        {
            _errors.Add(error);
            return null;
        }

        return pattern;
    }

    /// <summary>The trimmed value; an error when unset or blank.</summary>
    public string GetRequiredString(string name)
    {
        var value = GetString(name);
        if (value is null)
        {
            _errors.Add($"{name} is required but is not set.");
            return string.Empty;
        }

        return value;
    }

    /// <summary>The trimmed value when it matches <paramref name="pattern"/>; null when unset.</summary>
    public string? GetMatching(string name, Regex pattern, string expectation)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var value = GetString(name);
        if (value is not null && !pattern.IsMatch(value))
        {
            _errors.Add($"{name}='{value}' is invalid: expected {expectation}.");
            return null;
        }

        return value;
    }

    /// <summary><c>true/false</c>, <c>1/0</c>, <c>yes/no</c>, <c>on/off</c> (any case).</summary>
    public bool GetBool(string name, bool defaultValue)
    {
        var value = GetString(name);
        if (value is null)
        {
            return defaultValue;
        }

        switch (value.ToUpperInvariant())
        {
            case "TRUE" or "1" or "YES" or "ON":
                return true;
            case "FALSE" or "0" or "NO" or "OFF":
                return false;
            default:
                _errors.Add($"{name}='{value}' is not a boolean: use true or false.");
                return defaultValue;
        }
    }

    public int GetInt(string name, int defaultValue, int min = int.MinValue, int max = int.MaxValue) =>
        GetOptionalInt(name, min, max) ?? defaultValue;

    /// <summary>An integer within [<paramref name="min"/>, <paramref name="max"/>]; null when unset.</summary>
    public int? GetOptionalInt(string name, int min = int.MinValue, int max = int.MaxValue)
    {
        var value = GetString(name);
        if (value is null)
        {
            return null;
        }

        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            _errors.Add($"{name}='{value}' is not a whole number.");
            return null;
        }

        if (parsed < min || parsed > max)
        {
            _errors.Add($"{name}={parsed} is out of range: expected {min} to {max}.");
            return null;
        }

        return parsed;
    }

    /// <summary>
    /// A rule threshold that may be switched off: unset → <paramref name="defaultValue"/>; <c>0</c>, <c>off</c>,
    /// <c>none</c> or <c>disabled</c> → null; otherwise a whole number within [<paramref name="min"/>, <paramref name="max"/>].
    /// </summary>
    public int? GetIntOrOff(string name, int? defaultValue, int min, int max)
    {
        var value = GetString(name);
        if (value is null)
        {
            return defaultValue;
        }

        if (value.ToUpperInvariant() is "0" or "OFF" or "NONE" or "DISABLED")
        {
            return null;
        }

        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            _errors.Add($"{name}='{value}' is not a whole number, or 0/'off' to turn the rule off.");
            return defaultValue;
        }

        if (parsed < min || parsed > max)
        {
            _errors.Add($"{name}={parsed} is out of range: expected {min} to {max}, or 0/'off' to turn the rule off.");
            return defaultValue;
        }

        return parsed;
    }

    public double GetDouble(string name, double defaultValue, double min = double.MinValue, double max = double.MaxValue)
    {
        var value = GetString(name);
        if (value is null)
        {
            return defaultValue;
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            || double.IsNaN(parsed) || double.IsInfinity(parsed))
        {
            _errors.Add($"{name}='{value}' is not a number (use a dot as decimal separator).");
            return defaultValue;
        }

        if (parsed < min || parsed > max)
        {
            _errors.Add($"{name}={value} is out of range: expected {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
            return defaultValue;
        }

        return parsed;
    }

    /// <summary>Comma-, semicolon- or whitespace-separated items, trimmed, duplicates removed, order kept.</summary>
    public IReadOnlyList<string> GetList(string name, IReadOnlyList<string>? defaultValue = null)
    {
        var value = GetString(name);
        return value is null ? defaultValue ?? [] : SettingValueParser.SplitList(value);
    }

    /// <summary>A list of AWS region names such as <c>eu-west-1</c>; each bad item is reported.</summary>
    public IReadOnlyList<string> GetRegionList(string name, IReadOnlyList<string>? defaultValue = null)
    {
        var value = GetString(name);
        if (value is null)
        {
            return defaultValue ?? [];
        }

        var regions = new List<string>();
        foreach (var item in SettingValueParser.SplitList(value))
        {
            if (RegionName.IsValid(item))
            {
                regions.Add(item);
            }
            else
            {
                _errors.Add($"{name} contains '{item}', which is not an AWS region name (e.g. eu-west-1).");
            }
        }

        return regions;
    }

    /// <summary>An enum value by name, ignoring case, '-' and '_' (<c>image-references</c> = <c>ImageReferences</c>).</summary>
    public TEnum GetEnum<TEnum>(string name, TEnum defaultValue)
        where TEnum : struct, Enum
    {
        var value = GetString(name);
        if (value is null)
        {
            return defaultValue;
        }

        if (SettingValueParser.TryParseEnum<TEnum>(value, out var parsed))
        {
            return parsed;
        }

        _errors.Add($"{name}='{value}' is not one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");
        return defaultValue;
    }

    /// <summary>A list of enum values (see <see cref="GetEnum{TEnum}"/>); each bad item is reported.</summary>
    public IReadOnlyList<TEnum> GetEnumList<TEnum>(string name, IReadOnlyList<TEnum>? defaultValue = null)
        where TEnum : struct, Enum
    {
        var value = GetString(name);
        if (value is null)
        {
            return defaultValue ?? [];
        }

        var result = new List<TEnum>();
        foreach (var item in SettingValueParser.SplitList(value))
        {
            if (!SettingValueParser.TryParseEnum<TEnum>(item, out var parsed))
            {
                _errors.Add($"{name} contains '{item}', which is not one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");
            }
            else if (!result.Contains(parsed))
            {
                result.Add(parsed);
            }
        }

        return result;
    }

    /// <summary>
    /// A duration written as a number with a unit (<c>90s</c>, <c>15m</c>, <c>2h</c>, <c>7d</c>, <c>500ms</c>) or as
    /// <c>[d.]hh:mm:ss</c>; within [<paramref name="min"/>, <paramref name="max"/>].
    /// </summary>
    public TimeSpan GetDuration(string name, TimeSpan defaultValue, TimeSpan min, TimeSpan max)
    {
        var value = GetString(name);
        if (value is null)
        {
            return defaultValue;
        }

        if (!SettingValueParser.TryParseDuration(value, out var parsed))
        {
            _errors.Add($"{name}='{value}' is not a duration: use e.g. 90s, 15m, 2h, 7d or hh:mm:ss.");
            return defaultValue;
        }

        if (parsed < min || parsed > max)
        {
            _errors.Add($"{name}='{value}' is out of range: expected {min} to {max}.");
            return defaultValue;
        }

        return parsed;
    }

    /// <summary>A whole number of days within [<paramref name="minDays"/>, <paramref name="maxDays"/>], as a duration.</summary>
    public TimeSpan GetDays(string name, int defaultDays, int minDays = 0, int maxDays = 36_500) =>
        TimeSpan.FromDays(GetInt(name, defaultDays, minDays, maxDays));

    /// <summary>Like <see cref="GetDays"/>, null when unset (the rule is off).</summary>
    public TimeSpan? GetOptionalDays(string name, int minDays = 0, int maxDays = 36_500) =>
        GetOptionalInt(name, minDays, maxDays) is { } days ? TimeSpan.FromDays(days) : null;
}
