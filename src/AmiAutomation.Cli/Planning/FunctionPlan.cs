namespace AmiAutomation.Cli.Planning;

/// <summary>What one function would do in a region.</summary>
public sealed record FunctionPlan
{
    public required string Function { get; init; }

    /// <summary>Images the function would act on.</summary>
    public required int Actions { get; init; }

    /// <summary>Of those, destructive (deregistrations).</summary>
    public required int Destructive { get; init; }

    /// <summary>Action → primary reason → images (skips under <c>None</c>).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Counts { get; init; }

    /// <summary>Every acting decision, plus skips blocked by an incomplete inventory.</summary>
    public required IReadOnlyList<PlanDecision> Decisions { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];
}
