namespace AmiAutomation.Cli.Hosting;

/// <summary>The parsed <c>enable</c> command line.</summary>
public sealed record EnableRequest
{
    public required IReadOnlyList<string> ImageIds { get; init; }
    public bool DryRun { get; init; }
    public bool Simulate { get; init; }
    public string? Region { get; init; }
    public bool Json { get; init; }
    public IReadOnlyList<string> Settings { get; init; } = [];
    public bool Verbose { get; init; }
}
