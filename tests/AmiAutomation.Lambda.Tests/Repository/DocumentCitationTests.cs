using System.Text.RegularExpressions;
using AmiAutomation.TestKit.Repository;

namespace AmiAutomation.Lambda.Tests.Repository;

/// <summary>
/// Code and template comments cite facts by public URL or by a document in this repository, never by a file only
/// some machines have (issue 18): every <c>*.md</c> named in a source, test or template file must exist in the
/// repository, and no path outside it (<c>/shared/…</c>, <c>../shared/…</c>) is cited.
/// </summary>
public sealed partial class DocumentCitationTests
{
    [Fact]
    public void Comments_CiteOnlyDocumentsInTheRepository()
    {
        var root = RepositoryRoot.Path;
        var documents = Files(root, "*.md").Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var file in Files(root, "*.cs").Concat(Files(root, "*.yaml")).Concat(Files(root, "*.yml"))
            .Where(f => Path.GetFileName(f) != nameof(DocumentCitationTests) + ".cs"))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                problems.AddRange(MarkdownName().Matches(lines[i])
                    .Select(m => m.Value)
                    .Where(name => !documents.Contains(Path.GetFileName(name)))
                    .Select(name => $"{Path.GetRelativePath(root, file)}:{i + 1} cites {name}, which is not in the repository"));
                if (OutsidePath().IsMatch(lines[i]))
                {
                    problems.Add($"{Path.GetRelativePath(root, file)}:{i + 1} cites a path outside the repository");
                }
            }
        }

        Assert.True(problems.Count == 0, "Cite the public URL instead (the facts files list them):\n" + string.Join("\n", problems));
    }

    private static IEnumerable<string> Files(string root, string pattern) =>
        Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git" or "node_modules" or "artifacts"));

    /// <summary>A file name ending in .md that is not part of a URL.</summary>
    [GeneratedRegex(@"(?<![\w/.:-])[\w.-]+\.md\b")]
    private static partial Regex MarkdownName();

    [GeneratedRegex(@"(?<![\w.-])(\.\./)*/?shared/reference\b")]
    private static partial Regex OutsidePath();
}
