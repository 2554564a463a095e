namespace AmiAutomation.Aws.RecycleBin.Rbin;

/// <summary>A ListRules entry; only the identifier is used (no tags, no status: GetRule has those).
/// https://docs.aws.amazon.com/recyclebin/latest/APIReference/API_RuleSummary.html</summary>
internal sealed record RbinRuleSummary
{
    public string? Identifier { get; init; }
}
