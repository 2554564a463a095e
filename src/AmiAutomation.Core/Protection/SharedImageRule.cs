namespace AmiAutomation.Core.Protection;

/// <summary>What <see cref="ImageProtections"/> does with a shared image: one with launch permissions for another
/// account, an organization or an organizational unit (public images have their own rule).</summary>
public enum SharedImageRule
{
    /// <summary>Never acted on (expiry's default: its consumers live in accounts we cannot see).</summary>
    Keep,

    /// <summary>Acted on only when a fresh AMI usage report (see <see cref="Images.ImageUsageReport"/>) shows no use in
    /// any account.</summary>
    KeepUnlessUnused,

    /// <summary>Not a protection (deprecation: a deprecated image still launches everywhere).</summary>
    Allow,
}
