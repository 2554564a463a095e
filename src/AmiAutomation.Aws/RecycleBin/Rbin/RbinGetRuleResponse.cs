namespace AmiAutomation.Aws.RecycleBin.Rbin;

/// <summary>GetRule answer (the fields we map). https://docs.aws.amazon.com/recyclebin/latest/APIReference/API_GetRule.html</summary>
internal sealed record RbinGetRuleResponse
{
    public string? Identifier { get; init; }

    public string? Description { get; init; }

    public string? ResourceType { get; init; }

    public RbinRetentionPeriod? RetentionPeriod { get; init; }

    public List<RbinResourceTag>? ResourceTags { get; init; }

    public List<RbinResourceTag>? ExcludeResourceTags { get; init; }

    /// <summary><c>pending</c> or <c>available</c>; only available rules retain.</summary>
    public string? Status { get; init; }

    public string? LockState { get; init; }
}
