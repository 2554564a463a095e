namespace AmiAutomation.Aws.RecycleBin.Rbin;

/// <summary>ListRules request body. https://docs.aws.amazon.com/recyclebin/latest/APIReference/API_ListRules.html</summary>
internal sealed record RbinListRulesRequest(string ResourceType, int MaxResults, string? NextToken);
