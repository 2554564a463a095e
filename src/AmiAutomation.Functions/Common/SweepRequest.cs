namespace AmiAutomation.Functions.Common;

/// <summary>A validated sweep input: the effective dry-run flag and the optional selection (null = everything).</summary>
public sealed record SweepRequest(
    string Source,
    bool DryRun,
    IReadOnlySet<string>? Families,
    IReadOnlySet<string>? ImageIds)
{
    public bool IsSelective => Families is not null || ImageIds is not null;
}
