using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;

namespace AmiAutomation.Core.Replication;

/// <summary>
/// How to finish one copy: the launch permissions to add, the deprecation time to set, then the
/// <c>copy-finished-at</c> tag. <see cref="Decision"/> is a FinishCopy action or a skip.
/// </summary>
public sealed record CopyFinishPlan(Decision Decision)
{
    /// <summary>The source's accounts, organisations and OUs (and group <c>all</c> only when public copies are allowed).</summary>
    public IReadOnlyList<LaunchPermission> PermissionsToAdd { get; init; } = [];

    /// <summary>The deprecation time to set on the copy; null = leave it as it is.</summary>
    public DateTimeOffset? DeprecateAt => Decision.DeprecateAt;

    /// <summary>The source was public but the copy stays private (COPY_ALLOW_PUBLIC=false).</summary>
    public bool PublicWithheld { get; init; }

    public AmiImage Copy => Decision.Image;

    public bool Acts => Decision.Acts;
}
