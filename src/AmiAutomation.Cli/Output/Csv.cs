using System.Text;

namespace AmiAutomation.Cli.Output;

/// <summary>RFC 4180 CSV (https://www.rfc-editor.org/rfc/rfc4180): CRLF line ends, a field is quoted when it holds a
/// comma, a quote, CR or LF, and quotes inside are doubled. Spreadsheets read it as is.</summary>
internal static class Csv
{
    public static string Line(IEnumerable<string?> fields) =>
        string.Join(',', fields.Select(Field)) + "\r\n";

    public static string Field(string? value)
    {
        var text = value ?? string.Empty;
        if (text.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return text;
        }

        var quoted = new StringBuilder(text.Length + 2).Append('"');
        quoted.Append(text.Replace("\"", "\"\"", StringComparison.Ordinal));
        return quoted.Append('"').ToString();
    }
}
