using AmiAutomation.Core.Images;

namespace AmiAutomation.Core.Tests.Generators;

/// <summary>The random facts behind one generated image; <see cref="FleetGenerator"/> turns them into an AmiImage.</summary>
internal sealed record ImageTraits(
    int Family,
    int AgeMinutes,
    ImageState State,
    ImageManager ManagedBy,
    bool Owned,
    string? Keep,
    int KeepUntil,
    int ExpiresAt,
    bool DeregistrationProtected,
    bool Public,
    bool InstanceStore,
    int? DeprecatedDaysAgo,
    int? LaunchedDaysAgo,
    bool FamilyTag,
    int CopyOf,
    int References);
