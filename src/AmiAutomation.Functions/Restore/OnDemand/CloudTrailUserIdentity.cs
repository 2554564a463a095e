using System.Text.Json.Serialization;

namespace AmiAutomation.Functions.Restore.OnDemand;

/// <summary>CloudTrail's <c>userIdentity</c>: who made the call (for Auto Scaling: its service-linked role, invokedBy
/// <c>autoscaling.amazonaws.com</c>). https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html</summary>
public sealed record CloudTrailUserIdentity
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("arn")]
    public string? Arn { get; init; }

    [JsonPropertyName("accountId")]
    public string? AccountId { get; init; }

    [JsonPropertyName("invokedBy")]
    public string? InvokedBy { get; init; }
}
