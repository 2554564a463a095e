using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using AmiAutomation.Cli.Planning;
using AmiAutomation.Cli.Simulation;
using AmiAutomation.Functions.Common;
using AmiAutomation.TestKit.Repository;

namespace AmiAutomation.Cli.Tests.Docs;

/// <summary>
/// README's "Reading the JSON output" names only fields that exist: each backticked field name of a paragraph must be a
/// JSON property of that output's type or of a type it contains (camelCase, as serialized). Fields the README does not
/// name are allowed (new fields need not break this test; document them anyway).
/// </summary>
public sealed partial class ReadmeJsonFieldTests
{
    /// <summary>Backticked words in those paragraphs that are values or command names, not fields.</summary>
    private static readonly HashSet<string> NotFields = new(StringComparer.Ordinal)
    {
        "succeeded", "partial", "failed", "blocked", "skipped", "restored", "invoke", "deprecate", "expire",
    };

    public static TheoryData<string, string> Outputs() => new()
    {
        { "**`plan --json`**", typeof(PlanReport).AssemblyQualifiedName! },
        { "**`deprecate` and `expire` responses**", typeof(RunSummary).AssemblyQualifiedName! },
        { "**`simulate --json`**", typeof(SimulationReport).AssemblyQualifiedName! },
    };

    [Theory]
    [MemberData(nameof(Outputs))]
    public void JsonSection_NamesOnlyFieldsTheOutputHas(string paragraphStart, string typeName)
    {
        var paragraph = Paragraph(paragraphStart);
        var documented = Field().Matches(paragraph).Select(m => m.Groups["name"].Value).Where(n => !NotFields.Contains(n)).Distinct().ToList();
        var actual = PropertyNames(Type.GetType(typeName, throwOnError: true)!);

        Assert.True(documented.Count >= 8, $"README's paragraph {paragraphStart} names only {documented.Count} fields: [{string.Join(", ", documented)}]");
        var unknown = documented.Where(d => !actual.Contains(d)).ToList();
        Assert.True(unknown.Count == 0, $"README's {paragraphStart} names fields the output does not have: {string.Join(", ", unknown)}");
    }

    /// <summary>The paragraph of README's JSON section that starts with <paramref name="start"/>; for the function
    /// responses only up to where copy and restore (other types) begin.</summary>
    private static string Paragraph(string start)
    {
        var readme = File.ReadAllText(RepositoryRoot.File("README.md")).ReplaceLineEndings("\n");
        var at = readme.IndexOf("\n" + start, StringComparison.Ordinal);
        Assert.True(at >= 0, $"README has no paragraph starting {start}");
        var end = readme.IndexOf("\n\n", at + 1, StringComparison.Ordinal);
        var paragraph = readme[at..(end < 0 ? readme.Length : end)];
        var other = paragraph.IndexOf("`copy` answers", StringComparison.Ordinal);
        return other < 0 ? paragraph : paragraph[..other];
    }

    /// <summary>Every serialized property name of <paramref name="root"/> and of the project's types it reaches.</summary>
    private static HashSet<string> PropertyNames(Type root)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>([root]);
        while (queue.TryDequeue(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            foreach (var argument in type.IsArray ? [type.GetElementType()!] : type.GetGenericArguments())
            {
                queue.Enqueue(argument);
            }

            if (type.Namespace?.StartsWith("AmiAutomation", StringComparison.Ordinal) != true || type.IsEnum)
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.Always })
                {
                    continue;
                }

                names.Add(property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name));
                queue.Enqueue(property.PropertyType);
            }
        }

        return names;
    }

    [GeneratedRegex(@"`(?<name>[a-z][A-Za-z]*)(\[\])?`")]
    private static partial Regex Field();
}
