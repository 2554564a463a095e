using System.Globalization;
using System.Text.Json;

namespace AmiAutomation.Cli.Simulation;

/// <summary>
/// The EventBridge "EC2 AMI State Change" event exactly as EC2 sends it to a region's default bus
/// (<c>source aws.ec2</c>, <c>detail.ImageId/State/ErrorMessage</c>), serialised to the bytes Lambda would receive.
/// </summary>
public static class AmiStateChangeEvent
{
    public static byte[] Create(string accountId, string region, string imageId, string state, DateTimeOffset time, string eventId, string? errorMessage = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(imageId);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("version", "0");
            json.WriteString("id", eventId);
            json.WriteString("detail-type", "EC2 AMI State Change");
            json.WriteString("source", "aws.ec2");
            json.WriteString("account", accountId);
            json.WriteString("time", time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WriteString("region", region);
            json.WriteStartArray("resources");
            json.WriteStringValue($"arn:aws:ec2:{region}::image/{imageId}");
            json.WriteEndArray();
            json.WriteStartObject("detail");
            json.WriteString("RequestId", eventId);
            json.WriteString("ImageId", imageId);
            json.WriteString("State", state);
            json.WriteString("ErrorMessage", errorMessage ?? string.Empty);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
