namespace AmiAutomation.Core.OnDemand;

/// <summary>
/// A launch that failed because its image is not launchable, as read from one event: what it tried to launch (image
/// ids, launch templates, or an Auto Scaling group to look up) and who needed it.
/// </summary>
public sealed record LaunchFailure
{
    public required LaunchFailureSource Source { get; init; }

    /// <summary>The EventBridge event id (duplicates of one delivery share it).</summary>
    public required string EventId { get; init; }

    public required string Region { get; init; }

    /// <summary><c>RunInstances</c>, <c>CreateFleet</c> or <c>EC2 Instance Launch Unsuccessful</c>.</summary>
    public required string Operation { get; init; }

    /// <summary>EC2's error code (<c>InvalidAMIID.Unavailable</c> / <c>InvalidAMIID.NotFound</c>); for Auto Scaling
    /// the code found in its status message, when any.</summary>
    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    /// <summary>Images the request named directly.</summary>
    public IReadOnlyList<string> ImageIds { get; init; } = [];

    /// <summary>Launch templates the request named (their versions carry the image).</summary>
    public IReadOnlyList<LaunchTemplateRef> LaunchTemplates { get; init; } = [];

    /// <summary>The Auto Scaling group that launched (from the event or the request's tags).</summary>
    public string? AutoScalingGroupName { get; init; }

    /// <summary>Who needed the image: the caller's ARN, or <c>Auto Scaling group NAME</c>.</summary>
    public required string NeededBy { get; init; }
}
