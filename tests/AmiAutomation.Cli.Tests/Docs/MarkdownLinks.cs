using System.Text.RegularExpressions;

namespace AmiAutomation.Cli.Tests.Docs;

/// <summary>
/// Relative links of a Markdown file (<c>[text](path#anchor)</c>, <c>[text](#anchor)</c>) that lead nowhere: a file
/// that does not exist, or an anchor no heading of the target produces (GitHub's slugs: lower case, punctuation other
/// than <c>-</c> and <c>_</c> dropped, spaces as <c>-</c>). Links inside fenced blocks and absolute URLs are ignored.
/// </summary>
internal static partial class MarkdownLinks
{
    public static IReadOnlyList<string> Broken(string repositoryRoot, string relativeFile)
    {
        var file = Path.Combine(repositoryRoot, relativeFile);
        var broken = new List<string>();
        foreach (Match link in Link().Matches(WithoutFences(File.ReadAllText(file))))
        {
            var target = link.Groups["target"].Value;
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var path = hash < 0 ? target : target[..hash];
            var anchor = hash < 0 ? null : target[(hash + 1)..];
            var targetFile = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, path));
            if (!File.Exists(targetFile) && !Directory.Exists(targetFile))
            {
                broken.Add($"{relativeFile}: ({target}): no such file");
            }
            else if (anchor is not null && targetFile.EndsWith(".md", StringComparison.Ordinal) && !Anchors(File.ReadAllText(targetFile)).Contains(anchor))
            {
                broken.Add($"{relativeFile}: ({target}): no heading makes #{anchor}");
            }
        }

        return broken;
    }

    public static IReadOnlySet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in WithoutFences(markdown).Split('\n'))
        {
            if (Heading().Match(line) is { Success: true } heading)
            {
                var slug = Drop().Replace(heading.Groups["text"].Value.Trim().ToLowerInvariant(), string.Empty).Replace(' ', '-');
                var unique = slug;
                for (var n = 1; !anchors.Add(unique); n++)
                {
                    unique = $"{slug}-{n}";
                }
            }
        }

        return anchors;
    }

    private static string WithoutFences(string markdown) => Fence().Replace(markdown.ReplaceLineEndings("\n"), string.Empty);

    [GeneratedRegex(@"(?ms)^\s*```.*?^\s*```[^\n]*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"[^\p{L}\p{N}\s_-]")]
    private static partial Regex Drop();
}
