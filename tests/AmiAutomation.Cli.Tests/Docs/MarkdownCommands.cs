using System.Text;
using System.Text.RegularExpressions;

namespace AmiAutomation.Cli.Tests.Docs;

/// <summary>
/// Every shell command in a Markdown document's fenced <c>bash</c>/<c>sh</c>/<c>shell</c> blocks, one per logical line
/// (comment lines dropped, trailing <c># comments</c> removed, <c>\</c> continuations joined). A block preceded by
/// <c>&lt;!-- doc-test: skip (why) --&gt;</c> (blank lines between allowed) yields its commands with that reason.
/// </summary>
internal static partial class MarkdownCommands
{
    private static readonly string[] ShellFences = ["bash", "sh", "shell"];

    public static IReadOnlyList<DocCommand> Extract(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var commands = new List<DocCommand>();
        string? pendingSkip = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (SkipMarker().Match(line) is { Success: true } marker)
            {
                pendingSkip = marker.Groups["why"].Value.Trim();
                continue;
            }

            if (!line.StartsWith("```", StringComparison.Ordinal))
            {
                if (line.Length > 0)
                {
                    pendingSkip = null; // a marker applies to the very next block only
                }

                continue;
            }

            var fence = line[3..].Trim();
            var end = Array.FindIndex(lines, i + 1, l => l.Trim().StartsWith("```", StringComparison.Ordinal));
            if (end < 0)
            {
                throw new FormatException($"line {i + 1}: a fenced block is never closed");
            }

            if (ShellFences.Contains(fence, StringComparer.Ordinal))
            {
                commands.AddRange(Commands(lines, i + 1, end, pendingSkip));
            }

            pendingSkip = null;
            i = end;
        }

        return commands;
    }

    private static IEnumerable<DocCommand> Commands(string[] lines, int start, int end, string? skip)
    {
        var text = new StringBuilder();
        var firstLine = 0;
        for (var i = start; i < end; i++)
        {
            var line = StripComment(lines[i]).TrimEnd();
            if (text.Length == 0)
            {
                if (line.Trim().Length == 0)
                {
                    continue;
                }

                firstLine = i + 1;
            }

            var continued = line.EndsWith('\\');
            text.Append(continued ? line[..^1] : line).Append(' ');
            if (!continued)
            {
                yield return new DocCommand(firstLine, Normalize(text.ToString()), skip);
                text.Clear();
            }
        }

        if (text.Length > 0)
        {
            yield return new DocCommand(firstLine, Normalize(text.ToString()), skip);
        }
    }

    /// <summary>Drops a <c>#</c> comment that starts a line or follows whitespace outside quotes.</summary>
    private static string StripComment(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is { } q)
            {
                quote = c == q ? null : quote;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }

        return line;
    }

    private static string Normalize(string command) => Whitespace().Replace(command, " ").Trim();

    [GeneratedRegex(@"^<!--\s*doc-test:\s*skip\s*\((?<why>.+)\)\s*-->$")]
    private static partial Regex SkipMarker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
