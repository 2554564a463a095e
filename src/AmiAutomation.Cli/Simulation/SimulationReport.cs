namespace AmiAutomation.Cli.Simulation;

/// <summary>
/// Everything one <c>simulate</c> run shows, as data: the table, the decisions, the chart and the safety facts
/// are all rendered from this, and <c>--json</c> prints it as one document. No wall-clock timings: the same seed
/// and options give the same report.
/// </summary>
public sealed record SimulationReport
{
    public required int Seed { get; init; }
    public required int DaysSimulated { get; init; }
    public required IReadOnlyList<string> Regions { get; init; }
    public required string HomeRegion { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>The functions' environment (the demo policy plus <c>--set</c> overrides).</summary>
    public required IReadOnlyDictionary<string, string> Policy { get; init; }

    public required StartingFleet Fleet { get; init; }
    public required IReadOnlyList<DayReport> Days { get; init; }

    /// <summary>The first acting decisions of the run (deprecations, deregistrations, copies, restores), in order.</summary>
    public required IReadOnlyList<DecisionSample> NotableDecisions { get; init; }

    /// <summary>Skipped decisions over the whole run by function and primary reason.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> SkipsByReason { get; init; }

    public RestoreReport? Restore { get; init; }
    public required SimulationTotals Totals { get; init; }
    public required SafetyReport Safety { get; init; }

    /// <summary>Function errors (Lambda shape) with the day and invocation they came from.</summary>
    public required IReadOnlyList<FunctionErrorReport> FunctionErrors { get; init; }
}
