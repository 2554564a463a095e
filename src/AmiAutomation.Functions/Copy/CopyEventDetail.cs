using System.Text.Json.Serialization;

namespace AmiAutomation.Functions.Copy;

/// <summary>The <c>detail</c> of an <c>EC2 AMI State Change</c> event. Names are EventBridge's (capitalised);
/// fields AWS may add later are ignored.</summary>
public sealed record CopyEventDetail
{
    [JsonPropertyName("RequestId")]
    public string? RequestId { get; init; }

    [JsonPropertyName("ImageId")]
    public string? ImageId { get; init; }

    /// <summary><c>available</c>, <c>failed</c>, <c>deregistered</c>, <c>disabled</c>.</summary>
    [JsonPropertyName("State")]
    public string? State { get; init; }

    /// <summary>Empty unless the state is <c>failed</c>.</summary>
    [JsonPropertyName("ErrorMessage")]
    public string? ErrorMessage { get; init; }
}
