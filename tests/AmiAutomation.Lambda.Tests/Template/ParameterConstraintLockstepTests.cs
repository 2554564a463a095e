using System.Globalization;
using System.Text.RegularExpressions;
using AmiAutomation.Aws.Replication;
using AmiAutomation.Functions.Copy;
using AmiAutomation.Functions.Deprecate;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Restore;
using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Logging;
using YamlDotNet.RepresentationModel;

namespace AmiAutomation.Lambda.Tests.Template;

/// <summary>
/// Issue 13 item 10: a template parameter accepts exactly what the function reading it accepts, so a bad value fails
/// the deployment instead of the first invocation. For every parameter wired to a function environment variable, the
/// constraints are read from template.yaml (<c>MinValue</c>/<c>MaxValue</c>, <c>AllowedPattern</c> matched against the
/// whole value like CloudFormation's Java regex, <c>AllowedValues</c>) and the real settings readers are driven with
/// boundary values: template accepts ⇔ every reader accepts. <c>AllowedValues</c> may be stricter than a reader
/// (e.g. retention days the Recycle Bin rules are built for): there only "template accepts ⇒ reader accepts" holds.
/// </summary>
public sealed class ParameterConstraintLockstepTests
{
    /// <summary>Parameters whose reader checks what no CloudFormation constraint can express; each says why.</summary>
    private static readonly Dictionary<string, string> ReaderOnly = new(StringComparer.Ordinal)
    {
        ["FamilyPattern"] = "a regular expression: no pattern can tell a valid regular expression from an invalid one; the function's start-up names the problem in words",
        ["CopyKmsKeys"] = "the key's region must be the pair's region and a region may appear once: only the shape is a pattern",
    };

    private static readonly Dictionary<string, string[]> ExtraSamples = new(StringComparer.Ordinal)
    {
        ["CopyTagSelector"] = ["", "  ", "a=b", "replicate=true", "a=", "k = v", "a=b=c", " k=v ", "=b", " =b", "=", "novalue", "a b", "a\n=b"],
        ["CopyTargetRegions"] = [.. KnownRegions.All, "", "eu-wst-1", "EU-WEST-1", "eu-west-1x", "mars-north-1", "eu_west_1", "us-east-1 "],
        ["CopyFamilies"] = ["", "web", "centos-7", "ubuntu/images/hvm-ssd/ubuntu-jammy-22-amd64-server", "a b"],
        ["CopyKmsKeys"] = ["", "eu-west-1=alias/copies", "eu-west-1=arn:aws:kms:eu-west-1:123456789012:key/abcd", "eu-west-1", "eu-west-1="],
        ["IncludeManagedBy"] = ["", "dlm", "imagebuilder", "dlm,imagebuilder", "imagebuilder,dlm", "backup", "DLM"],
        ["ExpireSharedImages"] = ["never", "when-unused", "always", "Never"],
        ["FamilyPattern"] = ["", "^(?<family>[a-z]+)-", "-r\\d+$", "web-(\\d+", "[z-a]"],
        ["LogLevel"] = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL", "VERBOSE", "info"],
    };

    public static TheoryData<string> WiredParameters => [.. Wiring().Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Wiring_EveryConstrainedSettingIsWired()
    {
        var wired = Wiring();

        // The parameters issue 13 named: each must be wired, or this test checks nothing for it.
        Assert.All(
            ["RestoreHoldDays", "SnapshotPricePerGibMonth", "KeepNewest", "ExpireKeepNewest", "CopyTagSelector", "FamilyPattern", "MaxDeregistrationsPerRun"],
            name => Assert.True(wired.ContainsKey(name), $"{name} is not wired to a function environment variable"));
    }

    [Theory]
    [MemberData(nameof(WiredParameters))]
    public void Constraints_AcceptExactlyWhatTheReadersAccept(string parameterName)
    {
        var template = SamTemplate.Load();
        var parameter = (YamlMappingNode)SamTemplate.Child(template.Root, "Parameters", parameterName)!;
        var constraint = ParameterConstraint.From(parameter);
        var wiring = Wiring()[parameterName];
        var mismatches = new List<string>();
        foreach (var sample in Samples(parameterName, constraint))
        {
            var templateAccepts = constraint.Accepts(sample);
            var rejectedBy = wiring.Where(w => !ReaderAccepts(w.Handler, w.Variable, sample)).Select(w => w.Handler).ToList();
            var readerAccepts = rejectedBy.Count == 0;
            if (!Agrees(parameterName, constraint, templateAccepts, readerAccepts))
            {
                mismatches.Add($"'{Printable(sample)}': template {(templateAccepts ? "accepts" : "rejects")}, readers {(readerAccepts ? "accept" : "reject (" + string.Join(", ", rejectedBy) + ")")}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{parameterName}: {string.Join("; ", mismatches)}");
    }

    /// <summary>
    /// Exact agreement, except: an <c>AllowedValues</c> list may be stricter than its reader (template accepts ⇒ reader
    /// accepts); a reader-only parameter's template must never refuse what the reader accepts (reader ⇒ template).
    /// </summary>
    private static bool Agrees(string parameterName, ParameterConstraint constraint, bool templateAccepts, bool readerAccepts)
    {
        if (ReaderOnly.ContainsKey(parameterName))
        {
            return !readerAccepts || templateAccepts;
        }

        return constraint.HasAllowedValues ? !templateAccepts || readerAccepts : templateAccepts == readerAccepts;
    }

    [Fact]
    public void FamilyPattern_DescriptionSaysCloudFormationCannotCheckIt()
    {
        var template = SamTemplate.Load();

        var description = SamTemplate.Scalar((YamlMappingNode)SamTemplate.Child(template.Root, "Parameters", "FamilyPattern")!, "Description");

        Assert.Contains("cannot check", description, StringComparison.Ordinal);
    }

    [Fact]
    public void FamilyPattern_InvalidRegex_ReaderNamesTheProblemInWords()
    {
        var environment = TemplateEnvironment.For("expire");
        environment["FAMILY_PATTERN"] = "web-(\\d+";

        var error = Assert.Throws<ConfigurationException>(() => ExpireSettings.Read(new DictionaryEnvironmentVariables(environment)));

        Assert.Contains("FAMILY_PATTERN", error.Message, StringComparison.Ordinal);
        Assert.Contains("'(' is never closed", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Parameter → every (handler, variable) whose environment takes its value (Globals reach every function).</summary>
    private static Dictionary<string, List<(string Handler, string Variable)>> Wiring()
    {
        var template = SamTemplate.Load();
        var wiring = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        var globals = SamTemplate.Child(template.Root, "Globals", "Function", "Environment", "Variables") as YamlMappingNode;
        foreach (var (_, handler, properties) in template.Functions())
        {
            foreach (var variables in new[] { globals, SamTemplate.Child(properties, "Environment", "Variables") as YamlMappingNode })
            {
                if (variables is null)
                {
                    continue;
                }

                foreach (var (key, value) in variables.Children)
                {
                    if (ParameterOf(value, template) is { } parameter)
                    {
                        if (!wiring.TryGetValue(parameter, out var list))
                        {
                            wiring[parameter] = list = [];
                        }

                        list.Add((handler, ((YamlScalarNode)key).Value!));
                    }
                }
            }
        }

        return wiring;
    }

    private static string? ParameterOf(YamlNode value, SamTemplate template)
    {
        var reference = value switch
        {
            YamlScalarNode scalar when TagOf(scalar) == "!Ref" => scalar.Value,
            YamlSequenceNode join when TagOf(join) == "!Join" && join.Children[1] is YamlScalarNode list && TagOf(list) == "!Ref" => list.Value,
            _ => null,
        };
        return reference is not null && SamTemplate.Child(template.Root, "Parameters", reference) is not null ? reference : null;
    }

    private static string? TagOf(YamlNode node) => node.Tag.IsEmpty || node.Tag.IsNonSpecific ? null : node.Tag.Value;

    private static bool ReaderAccepts(string handler, string variable, string value)
    {
        var environment = TemplateEnvironment.For(handler);
        environment[variable] = value;
        if (variable == "AMI_AUTOMATION_LOG_LEVEL")
        {
            return LogLevelNames.TryParse(value, out _);
        }

        var variables = new DictionaryEnvironmentVariables(environment);
        try
        {
            _ = handler switch
            {
                "deprecate" => (object)DeprecateSettings.Read(variables),
                "expire" => ExpireSettings.Read(variables),
                "copy" => CopySettings.Read(variables),
                "restore" => RestoreSettings.Read(variables),
                _ => throw new InvalidOperationException($"no settings reader known for handler '{handler}'"),
            };
            return true;
        }
        catch (ConfigurationException)
        {
            return false;
        }
    }

    private static IEnumerable<string> Samples(string parameterName, ParameterConstraint constraint)
    {
        var samples = new List<string>();
        if (constraint.Default is { } defaultValue)
        {
            samples.Add(defaultValue);
        }

        samples.AddRange(constraint.AllowedValues);
        if (constraint.Type == "Number")
        {
            var step = constraint.IsDecimal ? 0.01m : 1m;
            foreach (var bound in new[] { constraint.Min, constraint.Max }.OfType<decimal>())
            {
                samples.AddRange(new[] { bound - step, bound, bound + step }.Select(v => v.ToString(CultureInfo.InvariantCulture)));
            }

            samples.AddRange(["-1", "0", "1", "1000", "1001", "36500", "36501"]);
            if (constraint.IsDecimal)
            {
                samples.AddRange(["0.05", "0.023", "9.99", "10.01"]);
            }
        }

        if (constraint.Type == "String" && constraint.AllowedValues.Count > 0)
        {
            samples.AddRange(["maybe", "TRUE", " "]);
        }

        samples.AddRange(ExtraSamples.GetValueOrDefault(parameterName) ?? []);
        return samples.Distinct(StringComparer.Ordinal);
    }

    private static string Printable(string value) => value.Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>One parameter's CloudFormation constraints.</summary>
    private sealed record ParameterConstraint(string Type, string? Default, decimal? Min, decimal? Max, Regex? Pattern, IReadOnlyList<string> AllowedValues)
    {
        public bool HasAllowedValues => AllowedValues.Count > 0;

        public bool IsDecimal => Default?.Contains('.', StringComparison.Ordinal) == true;

        public static ParameterConstraint From(YamlMappingNode parameter)
        {
            var pattern = SamTemplate.Scalar(parameter, "AllowedPattern");
            return new(
                SamTemplate.Scalar(parameter, "Type")!,
                SamTemplate.Scalar(parameter, "Default"),
                Number(SamTemplate.Scalar(parameter, "MinValue")),
                Number(SamTemplate.Scalar(parameter, "MaxValue")),
                // CloudFormation matches the whole value (Java regex, anchored): the same here.
                pattern is null ? null : new Regex("^(?:" + pattern + ")$", RegexOptions.CultureInvariant),
                SamTemplate.Child(parameter, "AllowedValues") is YamlSequenceNode values
                    ? [.. values.Children.OfType<YamlScalarNode>().Select(v => v.Value ?? string.Empty)]
                    : []);
        }

        /// <summary>Whether CloudFormation accepts <paramref name="value"/> (for a list: one element).</summary>
        public bool Accepts(string value)
        {
            if (AllowedValues.Count > 0 && !AllowedValues.Contains(value, StringComparer.Ordinal))
            {
                return false;
            }

            if (Type == "Number")
            {
                if (!decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return false;
                }

                return (Min is not { } min || number >= min) && (Max is not { } max || number <= max);
            }

            return Pattern is null || Pattern.IsMatch(value);
        }

        private static decimal? Number(string? text) =>
            text is null ? null : decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
