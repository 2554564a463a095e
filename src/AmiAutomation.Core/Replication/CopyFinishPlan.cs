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

    /// <summary>The deprecation time as it would be set at plan time (for reports); null = leave it as it is.</summary>
    public DateTimeOffset? DeprecateAt => Decision.DeprecateAt;

    /// <summary>What deprecation is wanted: the finisher works the time out at the moment of its call
    /// (<see cref="CopyDeprecation.At"/>); null = none.</summary>
    public CopyDeprecation? Deprecation { get; init; }

    /// <summary>Inherited tags to remove first so <c>copy-finished-at</c> fits (copies made with no tag free).</summary>
    public IReadOnlyList<string> TagsToRemove { get; init; } = [];

    /// <summary>Something the owner must act on (logged as a warning): the source is gone and not everything it
    /// shared could be carried over.</summary>
    public string? Warning { get; init; }

    /// <summary>The source was public but the copy stays private (COPY_ALLOW_PUBLIC=false).</summary>
    public bool PublicWithheld { get; init; }

    public AmiImage Copy => Decision.Image;

    public bool Acts => Decision.Acts;
}
