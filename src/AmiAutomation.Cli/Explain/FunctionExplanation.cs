namespace AmiAutomation.Cli.Explain;

/// <summary>One function's verdict on the image: its action now (<c>keep</c> when none) and every reason the planner
/// gave, each protection it checks, each rule, and what would happen next and when.</summary>
public sealed record FunctionExplanation
{
    public required string Function { get; init; }
    public required string Action { get; init; }

    /// <summary>The planner's reasons, as <c>Code: detail</c>, in its order.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    public IReadOnlyList<ExplainCheck> Protections { get; init; } = [];
    public IReadOnlyList<ExplainCheck> Rules { get; init; } = [];

    /// <summary>What happens next and when, in a sentence.</summary>
    public required string Next { get; init; }
}
