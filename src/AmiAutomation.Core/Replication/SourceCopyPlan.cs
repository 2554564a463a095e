using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;

namespace AmiAutomation.Core.Replication;

/// <summary>What happens to one source image: a decision per destination (or one skip), the copies to start, and
/// the destinations whose attempts tag should now say <c>done</c>.</summary>
public sealed record SourceCopyPlan(
    AmiImage Source,
    IReadOnlyList<Decision> Decisions,
    IReadOnlyList<PlannedCopy> Copies,
    IReadOnlyList<string> MarkDone,
    IReadOnlyList<string> InvalidRegions);
