namespace AmiAutomation.Core.Restore;

/// <summary>The deprecation call a restore makes, if any.</summary>
public sealed record DeprecationChange(DeprecationChangeKind Kind, DateTimeOffset? At = null)
{
    public static readonly DeprecationChange None = new(DeprecationChangeKind.None);

    public static readonly DeprecationChange Clear = new(DeprecationChangeKind.Clear);

    public static DeprecationChange SetAt(DateTimeOffset at) => new(DeprecationChangeKind.Set, at);
}
