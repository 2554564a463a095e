namespace AmiAutomation.Aws.RecycleBin.Rbin;

/// <summary>ListRules answer: summaries and the next page's token (absent or null at the end).</summary>
internal sealed record RbinListRulesResponse
{
    public List<RbinRuleSummary>? Rules { get; init; }

    public string? NextToken { get; init; }
}
