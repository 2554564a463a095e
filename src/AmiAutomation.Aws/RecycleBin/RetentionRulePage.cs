namespace AmiAutomation.Aws.RecycleBin;

/// <summary>One ListRules page: rule identifiers only (a summary has no tags and no status); <see cref="NextToken"/> null at the end.</summary>
public sealed record RetentionRulePage(IReadOnlyList<string> Identifiers, string? NextToken);
