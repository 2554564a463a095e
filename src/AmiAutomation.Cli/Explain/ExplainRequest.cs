namespace AmiAutomation.Cli.Explain;

/// <summary>The parsed <c>explain</c> command line.</summary>
public sealed record ExplainRequest
{
    public required IReadOnlyList<string> ImageIds { get; init; }
    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>The raw <c>--at</c> value (null = now).</summary>
    public string? At { get; init; }

    public IReadOnlyList<string> Settings { get; init; } = [];

    /// <summary><c>text</c> (also <c>table</c>) or <c>json</c>.</summary>
    public string Output { get; init; } = "text";

    public bool Simulate { get; init; }
    public bool Verbose { get; init; }
}
