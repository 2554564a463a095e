namespace AmiAutomation.Cli.Planning;

/// <summary>One decision with every reason (<c>Code: detail</c>).</summary>
public sealed record PlanDecision(
    string ImageId,
    string Name,
    string Family,
    string Action,
    IReadOnlyList<string> Reasons,
    DateTimeOffset? DeprecateAt,
    string? TargetRegion);
