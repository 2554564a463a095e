using System.Text.RegularExpressions;
using Amazon.EC2;

namespace AmiAutomation.Simulation.Tests.Parity;

/// <summary>
/// What a scenario observed, with resource ids replaced by placeholders in order of first appearance
/// (<c>ami#1</c>, <c>snap#2</c>, …) so two backends' transcripts compare equal when they behave alike.
/// </summary>
internal sealed partial class Transcript
{
    private readonly List<string> _lines = [];
    private readonly Dictionary<string, string> _placeholders = new(StringComparer.Ordinal);

    /// <summary>Notes a value; ids become placeholders and <c>{a,b}</c> sets are sorted afterwards.</summary>
    public void Note(string label, object? value) =>
        _lines.Add($"{label}: {SetPattern().Replace(Normalize(value?.ToString() ?? "null"), m => "{" + string.Join(',', m.Groups[1].Value.Split(',').Order(StringComparer.Ordinal)) + "}")}");

    /// <summary>Runs a call and notes either its described result or the EC2 error code.</summary>
    public async Task<T?> Step<T>(string label, Func<Task<T>> call, Func<T, object?> describe)
        where T : class
    {
        try
        {
            var result = await call();
            Note(label, describe(result));
            return result;
        }
        catch (AmazonEC2Exception exception)
        {
            Note(label, $"ERR {exception.ErrorCode} ({(int)exception.StatusCode})");
            return null;
        }
    }

    public override string ToString() => string.Join('\n', _lines);

    private string Normalize(string text) => IdPattern().Replace(text, match =>
    {
        if (!_placeholders.TryGetValue(match.Value, out var placeholder))
        {
            var prefix = match.Groups[1].Value;
            placeholder = $"{prefix}#{_placeholders.Count(p => p.Value.StartsWith(prefix + "#", StringComparison.Ordinal)) + 1}";
            _placeholders[match.Value] = placeholder;
        }

        return placeholder;
    });

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex SetPattern();

    [GeneratedRegex(@"\b(ami|snap|i|lt|vol|r)-[0-9a-f]{8,17}\b")]
    private static partial Regex IdPattern();
}
