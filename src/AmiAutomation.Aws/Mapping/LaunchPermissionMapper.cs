using AmiAutomation.Core.Images;
using Sdk = Amazon.EC2.Model;

namespace AmiAutomation.Aws.Mapping;

/// <summary>Launch permissions both ways: SDK <see cref="Sdk.LaunchPermission"/> ↔ core <see cref="LaunchPermission"/>.</summary>
public static class LaunchPermissionMapper
{
    /// <summary>Maps one SDK entry; null for an entry with nothing set (never seen, ignored).</summary>
    public static LaunchPermission? ToCore(Sdk.LaunchPermission permission)
    {
        ArgumentNullException.ThrowIfNull(permission);
        if (!string.IsNullOrEmpty(permission.UserId))
        {
            return new LaunchPermission(LaunchPermissionKind.Account, permission.UserId);
        }

        if (!string.IsNullOrEmpty(permission.OrganizationArn))
        {
            return new LaunchPermission(LaunchPermissionKind.Organization, permission.OrganizationArn);
        }

        if (!string.IsNullOrEmpty(permission.OrganizationalUnitArn))
        {
            return new LaunchPermission(LaunchPermissionKind.OrganizationalUnit, permission.OrganizationalUnitArn);
        }

        return string.IsNullOrEmpty(permission.Group?.Value) ? null : new LaunchPermission(LaunchPermissionKind.Public, permission.Group.Value);
    }

    public static IReadOnlyList<LaunchPermission> ToCore(IEnumerable<Sdk.LaunchPermission>? permissions) =>
        permissions is null ? [] : [.. permissions.Select(ToCore).OfType<LaunchPermission>()];

    public static Sdk.LaunchPermission ToSdk(LaunchPermission permission)
    {
        ArgumentNullException.ThrowIfNull(permission);
        return permission.Kind switch
        {
            LaunchPermissionKind.Account => new Sdk.LaunchPermission { UserId = permission.Value },
            LaunchPermissionKind.Organization => new Sdk.LaunchPermission { OrganizationArn = permission.Value },
            LaunchPermissionKind.OrganizationalUnit => new Sdk.LaunchPermission { OrganizationalUnitArn = permission.Value },
            LaunchPermissionKind.Public => new Sdk.LaunchPermission { Group = Amazon.EC2.PermissionGroup.All },
            _ => throw new ArgumentOutOfRangeException(nameof(permission), permission.Kind, "Unknown launch permission kind."),
        };
    }

    public static List<Sdk.LaunchPermission> ToSdk(IEnumerable<LaunchPermission> permissions) =>
        [.. permissions.Select(ToSdk)];
}
