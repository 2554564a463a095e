using System.Text.Json.Serialization;

namespace AmiAutomation.Functions.Restore.OnDemand;

/// <summary>The <c>detail</c> of Auto Scaling's <c>EC2 Instance Launch Unsuccessful</c> event (names are Auto Scaling's,
/// capitalised). https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-event-reference.html</summary>
public sealed record AutoScalingLaunchDetail
{
    [JsonPropertyName("AutoScalingGroupName")]
    public string? AutoScalingGroupName { get; init; }

    [JsonPropertyName("ActivityId")]
    public string? ActivityId { get; init; }

    [JsonPropertyName("StatusCode")]
    public string? StatusCode { get; init; }

    /// <summary>EC2's refusal in words, e.g. "The image id '[ami-…]' does not exist. Launching EC2 instance failed."</summary>
    [JsonPropertyName("StatusMessage")]
    public string? StatusMessage { get; init; }

    [JsonPropertyName("Cause")]
    public string? Cause { get; init; }
}
