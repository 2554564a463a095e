namespace AmiAutomation.Core.Images;

/// <summary>One entry of an image's launch permissions.</summary>
public sealed record LaunchPermission(LaunchPermissionKind Kind, string Value)
{
    public static readonly LaunchPermission Public = new(LaunchPermissionKind.Public, "all");
}

public enum LaunchPermissionKind
{
    Account,
    Organization,
    OrganizationalUnit,

    /// <summary>Group "all": the image is public.</summary>
    Public,
}
