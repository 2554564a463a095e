using System.Text.Json.Serialization;

namespace AmiAutomation.Functions.Copy;

/// <summary>
/// Everything the copy function accepts, in one type (<see cref="CopyInputParser"/> tells them apart):
/// <list type="bullet">
/// <item>the EventBridge envelope of an <c>EC2 AMI State Change</c> event (<c>version</c>, <c>id</c>, <c>detail-type</c>,
/// <c>source</c>, <c>account</c>, <c>time</c>, <c>region</c>, <c>resources</c>, <c>detail</c>);</item>
/// <item>a request by hand: <c>{"imageId": "ami-…", "regions": ["us-east-1"], "dryRun": true}</c> (regions optional);</item>
/// <item>the reconciler's schedule input: <c>{"action": "reconcile"}</c> (optionally with <c>dryRun</c>).</item>
/// </list>
/// Unknown top-level fields are rejected, so a misspelt field fails loudly instead of changing what runs.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CopyInput
{
    [JsonPropertyName("version")]
    public string? Version { get; init; }

    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("detail-type")]
    public string? DetailType { get; init; }

    [JsonPropertyName("source")]
    public string? Source { get; init; }

    [JsonPropertyName("account")]
    public string? Account { get; init; }

    [JsonPropertyName("time")]
    public string? Time { get; init; }

    [JsonPropertyName("region")]
    public string? Region { get; init; }

    [JsonPropertyName("resources")]
    public IReadOnlyList<string>? Resources { get; init; }

    [JsonPropertyName("detail")]
    public CopyEventDetail? Detail { get; init; }

    /// <summary>Set by EventBridge when an archived event is replayed.</summary>
    [JsonPropertyName("replay-name")]
    public string? ReplayName { get; init; }

    [JsonPropertyName("imageId")]
    public string? ImageId { get; init; }

    [JsonPropertyName("regions")]
    public IReadOnlyList<string>? Regions { get; init; }

    [JsonPropertyName("dryRun")]
    public bool? DryRun { get; init; }

    [JsonPropertyName("action")]
    public string? Action { get; init; }

    internal bool HasEnvelope =>
        Version is not null || Id is not null || DetailType is not null || Source is not null || Account is not null
        || Time is not null || Region is not null || Resources is not null || Detail is not null || ReplayName is not null;
}
