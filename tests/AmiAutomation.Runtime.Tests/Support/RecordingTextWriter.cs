using System.Text;
using System.Text.Json;

namespace AmiAutomation.Runtime.Tests.Support;

/// <summary>A thread-safe writer whose text can be read while the host is still writing.</summary>
internal sealed class RecordingTextWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    public IReadOnlyList<string> Lines => Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Every line parsed as JSON (fails the test if one is not).</summary>
    public IReadOnlyList<JsonElement> JsonLines => [.. Lines.Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    /// <summary>Log records only (lines with a <c>level</c> key), not EMF documents.</summary>
    public IReadOnlyList<JsonElement> LogRecords => [.. JsonLines.Where(j => j.TryGetProperty("level", out _))];

    /// <summary>EMF documents only (lines with an <c>_aws</c> key).</summary>
    public IReadOnlyList<JsonElement> EmfDocuments => [.. JsonLines.Where(j => j.TryGetProperty("_aws", out _))];

    public override void Write(char value)
    {
        lock (_gate)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            _text.Append(value);
        }
    }
}
