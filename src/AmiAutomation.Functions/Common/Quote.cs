using System.Globalization;
using System.Text;

namespace AmiAutomation.Functions.Common;

/// <summary>
/// Quotes caller-supplied text in an error or a log line: at most <see cref="MaxLength"/> characters, control
/// characters shown as <c>\uXXXX</c>. A payload is never echoed whole (a 10 MB name must not become a 10 MB error).
/// </summary>
public static class Quote
{
    public const int MaxLength = 80;

    public static string Cap(string? text, int maxLength = MaxLength)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength) + 24);
        var shown = Math.Min(text.Length, maxLength);
        for (var i = 0; i < shown; i++)
        {
            var c = text[i];
            if (char.IsControl(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        if (text.Length > maxLength)
        {
            builder.Append(CultureInfo.InvariantCulture, $"… ({text.Length} characters)");
        }

        return builder.ToString();
    }
}
