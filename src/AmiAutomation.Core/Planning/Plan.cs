using AmiAutomation.Core.Inventory;

namespace AmiAutomation.Core.Planning;

/// <summary>A function's whole intent for one region at one moment, before anything runs.</summary>
public sealed record Plan(
    string Function,
    string Region,
    DateTimeOffset PlannedAt,
    IReadOnlyList<Decision> Decisions,
    IReadOnlyList<SourceReport> Sources)
{
    public IEnumerable<Decision> Actions => Decisions.Where(d => d.Acts);

    public IEnumerable<Decision> Skips => Decisions.Where(d => !d.Acts);

    /// <summary>Counts per (action, primary reason), for summaries and metrics.</summary>
    public IReadOnlyDictionary<(DecisionAction Action, ReasonCode Reason), int> CountsByReason() =>
        Decisions.GroupBy(d => (d.Action, d.PrimaryReason)).ToDictionary(g => g.Key, g => g.Count());
}
