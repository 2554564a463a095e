namespace AmiAutomation.Cli.Hosting;

/// <summary>The parsed <c>invoke</c> command line.</summary>
public sealed record InvokeRequest
{
    public required string Function { get; init; }
    public required FileInfo EventFile { get; init; }
    public bool Simulate { get; init; }
    public string? Region { get; init; }

    /// <summary><c>--live</c>: DRY_RUN=false for this run.</summary>
    public bool Live { get; init; }
    public bool Json { get; init; }
    public IReadOnlyList<string> Settings { get; init; } = [];
    public bool Verbose { get; init; }
}
