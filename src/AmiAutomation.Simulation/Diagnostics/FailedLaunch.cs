namespace AmiAutomation.Simulation.Diagnostics;

/// <summary>
/// A RunInstances call the simulator refused because of its image (<c>InvalidAMIID.*</c>): what CloudTrail would record
/// and EventBridge deliver as <c>AWS API Call via CloudTrail</c> with an errorCode. <see cref="ImageId"/> is the
/// request's own (null for a launch-template launch, as in CloudTrail's requestParameters).
/// </summary>
public sealed record FailedLaunch(
    string Region,
    string Operation,
    string? ImageId,
    string? LaunchTemplateId,
    string? LaunchTemplateVersion,
    string? AutoScalingGroupName,
    string ErrorCode,
    string ErrorMessage,
    DateTimeOffset At);
