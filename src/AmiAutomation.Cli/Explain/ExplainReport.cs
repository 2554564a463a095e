namespace AmiAutomation.Cli.Explain;

/// <summary>What <c>explain</c> found: per image asked about, every rule of every function with its evidence. Read-only.</summary>
public sealed record ExplainReport
{
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The time the planners were asked about (<c>--at</c>; equals <see cref="GeneratedAt"/> without it).</summary>
    public required DateTimeOffset ExplainedAt { get; init; }

    public bool Simulated { get; init; }

    /// <summary>The settings the planners used, by the variable <c>--set</c> takes.</summary>
    public required IReadOnlyDictionary<string, string> Settings { get; init; }

    /// <summary>One entry per id asked about, in the order asked.</summary>
    public required IReadOnlyList<ImageExplanation> Images { get; init; }
}
