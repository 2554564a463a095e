namespace AmiAutomation.Cli.Planning;

/// <summary>The parsed <c>plan</c> command line.</summary>
public sealed record PlanRequest
{
    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary><c>deprecate</c>, <c>expire</c>, <c>copy</c> or <c>all</c>.</summary>
    public string Function { get; init; } = "all";

    /// <summary>The raw <c>--at</c> value (null = now).</summary>
    public string? At { get; init; }

    public IReadOnlyList<string> Settings { get; init; } = [];
    public bool Json { get; init; }
    public bool Verbose { get; init; }
}
