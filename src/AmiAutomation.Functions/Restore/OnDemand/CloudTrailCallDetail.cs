using System.Text.Json;
using System.Text.Json.Serialization;

namespace AmiAutomation.Functions.Restore.OnDemand;

/// <summary>
/// The <c>detail</c> of an <c>AWS API Call via CloudTrail</c> event, the fields self-healing reads; the request and
/// response stay JSON (their shapes differ between RunInstances and CreateFleet). Fields AWS adds are ignored.
/// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
/// </summary>
public sealed record CloudTrailCallDetail
{
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; init; }

    [JsonPropertyName("eventName")]
    public string? EventName { get; init; }

    [JsonPropertyName("awsRegion")]
    public string? AwsRegion { get; init; }

    [JsonPropertyName("eventID")]
    public string? EventId { get; init; }

    [JsonPropertyName("errorCode")]
    public string? ErrorCode { get; init; }

    [JsonPropertyName("errorMessage")]
    public string? ErrorMessage { get; init; }

    [JsonPropertyName("userAgent")]
    public string? UserAgent { get; init; }

    [JsonPropertyName("userIdentity")]
    public CloudTrailUserIdentity? UserIdentity { get; init; }

    [JsonPropertyName("requestParameters")]
    public JsonElement? RequestParameters { get; init; }

    [JsonPropertyName("responseElements")]
    public JsonElement? ResponseElements { get; init; }
}
