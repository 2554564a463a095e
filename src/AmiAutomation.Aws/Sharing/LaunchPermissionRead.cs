using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;

namespace AmiAutomation.Aws.Sharing;

/// <summary>What <see cref="LaunchPermissionReader"/> found: the permissions it could read, why others could not be read,
/// and the <see cref="InventorySource.LaunchPermissions"/> report (Failed when any image could not be read).</summary>
public sealed record LaunchPermissionRead(
    IReadOnlyDictionary<string, IReadOnlyList<LaunchPermission>> Permissions,
    IReadOnlyDictionary<string, string> Problems,
    SourceReport Report);
