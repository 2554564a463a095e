namespace AmiAutomation.TestKit.Repository;

/// <summary>Finds the repository root (the folder holding AmiAutomation.sln) from the test's output folder.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public static IReadOnlyList<string> EventFiles() =>
        [.. Directory.GetFiles(File("events"), "*.json").OrderBy(f => f, StringComparer.Ordinal)];

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "AmiAutomation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No AmiAutomation.sln above {AppContext.BaseDirectory}");
    }
}
