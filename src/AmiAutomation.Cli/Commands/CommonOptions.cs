using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using AmiAutomation.Aws.Clients;
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

    /// <summary>The one <c>--region</c> spelling of every command: repeatable (<c>-r a -r b</c>) or comma-separated
    /// (<c>--region a,b</c>); <c>--regions</c> is kept as an alias (the old spelling of <c>simulate</c>).</summary>
    /// <param name="max">How many regions the command can act in (1 for invoke, restore, latch).</param>
    public static Option<string[]> Regions(string description, int max)
    {
        var option = new Option<string[]>("--region", "-r", "--regions")
        {
            Description = description,
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
            CustomParser = result => SplitRegions(result.Tokens.Select(t => t.Value)),
        };
        option.Validators.Add(result =>
        {
            var regions = result.GetValueOrDefault<string[]>() ?? [];
            if (result.Tokens.Count > 0 && regions.Length == 0)
            {
                result.AddError("--region is empty: give at least one region, e.g. --region us-east-1.");
            }
            else if (regions.Length > max)
            {
                result.AddError(max == 1
                    ? $"--region names {regions.Length} regions ({string.Join(", ", regions)}); this command acts in one region."
                    : $"--region names {regions.Length} regions; at most {max} are supported.");
            }

            ValidateRegions(result, regions);
        });
        return option;
    }

    /// <summary>The regions of <c>-r a -r b,c</c>: split on commas, trimmed, duplicates dropped, order kept.</summary>
    public static string[] SplitRegions(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    /// <summary><c>--profile NAME</c>: a named profile of the AWS config files, as the AWS CLI takes it.</summary>
    public static Option<string?> Profile() => new("--profile")
    {
        Description = "Use this named profile of ~/.aws/config and ~/.aws/credentials (keys, role, IAM Identity Center/SSO); "
            + "it wins over AWS_PROFILE and the AWS_ACCESS_KEY_ID variables, as in the AWS CLI.",
    };

    /// <summary><c>--endpoint-url URL</c>: every service at this URL (moto, LocalStack), as the AWS CLI takes it.</summary>
    public static Option<string?> EndpointUrl()
    {
        var option = new Option<string?>("--endpoint-url")
        {
            Description = "Send every AWS call (EC2, DynamoDB, Auto Scaling, Recycle Bin) to this URL, e.g. http://localhost:5000 "
                + "for moto; wins over the AWS_ENDPOINT_URL* variables.",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !IsHttpUrl(value))
            {
                result.AddError($"--endpoint-url '{value}' is not an absolute http(s) URL (e.g. http://localhost:5000).");
            }
        });
        return option;
    }

    /// <summary><c>--live</c>: DRY_RUN=false for this run. Without it the functions' rule holds: DRY_RUN from
    /// <c>--set</c>, then the environment, default true.</summary>
    public static Option<bool> Live(string what) => new("--live")
    {
        Description = $"Run live ({what}): DRY_RUN=false for this run. Without it DRY_RUN comes from --set, then the environment, default true.",
    };

    /// <summary>The <c>--set</c> items with the AWS flags folded in after them (flags win): <c>--profile P</c> is
    /// AWS_PROFILE=P with the environment's keys cleared, <c>--endpoint-url U</c> is every AWS_ENDPOINT_URL* = U.</summary>
    public static IReadOnlyList<string> AwsSettings(IEnumerable<string>? set, string? profile, string? endpointUrl)
    {
        var items = new List<string>(set ?? []);
        if (!string.IsNullOrWhiteSpace(profile))
        {
            items.Add($"{AmiAutomation.Cli.Aws.AwsProfiles.ProfileVariable}={profile.Trim()}");
            items.Add($"{AmiAutomation.Cli.Aws.AwsAccess.AccessKeyVariable}=");
            items.Add($"{AmiAutomation.Cli.Aws.AwsAccess.SecretKeyVariable}=");
            items.Add($"{AmiAutomation.Cli.Aws.AwsAccess.SessionTokenVariable}=");
        }

        if (!string.IsNullOrWhiteSpace(endpointUrl))
        {
            foreach (var variable in (string[])[
                AwsEnvironmentVariableNames.EndpointUrl, AwsEnvironmentVariableNames.Ec2EndpointUrl, AwsEnvironmentVariableNames.DynamoDbEndpointUrl,
                AwsEnvironmentVariableNames.AutoScalingEndpointUrl, AwsEnvironmentVariableNames.RecycleBinEndpointUrl])
            {
                items.Add($"{variable}={endpointUrl.Trim()}");
            }
        }

        return items;
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

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
