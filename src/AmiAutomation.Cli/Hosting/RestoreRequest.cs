using System.Text.RegularExpressions;

namespace AmiAutomation.Cli.Hosting;

/// <summary>The parsed <c>restore</c> command line; <see cref="ImageId"/> null means <c>restore list</c>.</summary>
public sealed partial record RestoreRequest
{
    public string? ImageId { get; init; }
    public bool DryRun { get; init; }

    /// <summary><c>--live</c>: DRY_RUN=false for this run.</summary>
    public bool Live { get; init; }
    public bool Simulate { get; init; }
    public string? Region { get; init; }
    public bool Json { get; init; }
    public IReadOnlyList<string> Settings { get; init; } = [];
    public bool Verbose { get; init; }

    public static bool IsImageId(string value) => ImageIdPattern().IsMatch(value);

    [GeneratedRegex("^ami-[0-9a-f]{8,17}$", RegexOptions.CultureInvariant)]
    private static partial Regex ImageIdPattern();
}
