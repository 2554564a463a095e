using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using AmiAutomation.Aws.Regions;
using AmiAutomation.Functions.Common;

namespace AmiAutomation.Cli.Commands;

/// <summary>Option builders shared by the commands, each validating at parse time so bad input exits 2 naming the value.</summary>
internal static class CommonOptions
{
    public static readonly IReadOnlyList<string> FunctionNames = AmiAutomation.Cli.Hosting.FunctionCatalog.Names;

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print one JSON document to standard output instead of tables.",
    };

    public static Option<bool> Simulate() => new("--simulate")
    {
        Description = "Run against a small generated fleet in the in-memory simulator instead of AWS.",
    };

    /// <summary>One region (<c>--region us-east-1</c>); default AWS_REGION / AWS_DEFAULT_REGION.</summary>
    public static Option<string?> Region()
    {
        var option = new Option<string?>("--region", "-r")
        {
            Description = "The region to act in (default: AWS_REGION, then AWS_DEFAULT_REGION).",
        };
        option.Validators.Add(result => ValidateRegions(result, result.GetValueOrDefault<string?>() is { } r ? [r] : []));
        return option;
    }

    /// <summary><c>--set NAME=VALUE</c>, repeatable: environment variables for the functions' settings.</summary>
    public static Option<string[]> Set()
    {
        var option = new Option<string[]>("--set")
        {
            Description = "Set a function setting as NAME=VALUE (the deployed functions' environment variables), repeatable.",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        option.Validators.Add(result =>
        {
            foreach (var item in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!SettingOverrides.TryParse(item, out var name, out _))
                {
                    result.AddError($"--set '{item}' is not NAME=VALUE with NAME in upper case (e.g. --set DEPRECATE_AFTER_DAYS=30).");
                }
                else if (!SettingNames.All.Contains(name) && !SettingNames.IsForeign(name))
                {
                    // A misspelt name would otherwise be ignored and its default used without a word.
                    result.AddError($"--set {name}: no function reads a setting of that name; did you mean {UnknownSettings.Closest(name).Name}?");
                }
            }
        });
        return option;
    }

    public static void ValidateRegions(OptionResult result, IEnumerable<string> regions)
    {
        foreach (var region in regions)
        {
            if (!RegionName.IsValid(region))
            {
                result.AddError($"{result.Option.Name} '{region}' is not an AWS region name; expected e.g. us-east-1 or eu-west-2.");
            }
        }
    }

    /// <summary>An integer option within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Option<int> Int(string name, string description, int defaultValue, int min, int max)
    {
        return new Option<int>(name)
        {
            Description = $"{description} ({min}-{max}, default {defaultValue.ToString(CultureInfo.InvariantCulture)}).",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
                if (text is null)
                {
                    return defaultValue;
                }

                if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                {
                    result.AddError($"{name} '{text}' is not a whole number.");
                    return defaultValue;
                }

                if (value < min || value > max)
                {
                    result.AddError($"{name} {text} is out of range: expected {min} to {max}.");
                }

                return value;
            },
        };
    }

    /// <summary>Accepts only <paramref name="allowed"/>, naming the bad value and the choices.</summary>
    public static void OnlyFrom(Option<string> option, string what, IReadOnlyList<string> allowed)
    {
        option.CompletionSources.Add(allowed.ToArray());
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && !allowed.Contains(value, StringComparer.Ordinal))
            {
                result.AddError($"unknown {what} '{value}': expected one of {string.Join(", ", allowed)}.");
            }
        });
    }

    /// <summary>Accepts only <paramref name="allowed"/>, naming the bad value and the choices.</summary>
    public static void OnlyFrom(Argument<string> argument, string what, IReadOnlyList<string> allowed)
    {
        argument.CompletionSources.Add(allowed.ToArray());
        argument.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && !allowed.Contains(value, StringComparer.Ordinal))
            {
                result.AddError($"unknown {what} '{value}': expected one of {string.Join(", ", allowed)}.");
            }
        });
    }
}
