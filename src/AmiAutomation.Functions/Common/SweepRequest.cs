using AmiAutomation.Core.Policies;

namespace AmiAutomation.Functions.Common;

/// <summary>A validated sweep input: the effective dry-run flag and the optional selection (null = everything).</summary>
public sealed record SweepRequest(
    string Source,
    bool DryRun,
    IReadOnlySet<string>? Families,
    IReadOnlySet<string>? ImageIds)
{
    public bool IsSelective => Families is not null || ImageIds is not null;

    /// <summary>The planners' selection: images outside it are skipped as NotSelected.</summary>
    public PlanSelection ToSelection() => new() { Families = Families, ImageIds = ImageIds };
}
