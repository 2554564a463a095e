namespace AmiAutomation.Aws.RecycleBin.Rbin;

/// <summary>A rule's tag pair; the value is optional in the model.</summary>
internal sealed record RbinResourceTag
{
    public string? ResourceTagKey { get; init; }

    public string? ResourceTagValue { get; init; }
}
