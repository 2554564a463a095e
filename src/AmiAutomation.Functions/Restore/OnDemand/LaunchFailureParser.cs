using System.Text.Json;
using System.Text.RegularExpressions;
using AmiAutomation.Core.OnDemand;
using AmiAutomation.Runtime.Functions;

namespace AmiAutomation.Functions.Restore.OnDemand;

/// <summary>
/// Reads the EventBridge events self-healing reacts to: CloudTrail's <c>AWS API Call via CloudTrail</c> for a
/// RunInstances or CreateFleet that failed with <c>InvalidAMIID.Unavailable</c> / <c>InvalidAMIID.NotFound</c>, and Auto
/// Scaling's <c>EC2 Instance Launch Unsuccessful</c> whose status message names an image failure. A malformed event, an
/// event of another kind, or one from another region is an <see cref="InvalidEventException"/> naming the problem (the
/// rule is wired wrongly); a well-formed event that is not an image failure is ignored with the reason.
/// </summary>
public static partial class LaunchFailureParser
{
    public const string CloudTrailDetailType = "AWS API Call via CloudTrail";
    public const string Ec2Source = "aws.ec2";
    public const string Ec2EventSource = "ec2.amazonaws.com";
    public const string AutoScalingSource = "aws.autoscaling";
    public const string LaunchUnsuccessful = "EC2 Instance Launch Unsuccessful";
    public const string AutoScalingService = "autoscaling.amazonaws.com";

    /// <summary>Launch calls whose failure we read.</summary>
    public static IReadOnlyList<string> Operations { get; } = ["RunInstances", "CreateFleet"];

    /// <summary>EC2's codes for an image that cannot be launched: deregistered or not launchable, or not visible.
    /// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html</summary>
    public static IReadOnlyList<string> ImageErrorCodes { get; } = ["InvalidAMIID.Unavailable", "InvalidAMIID.NotFound"];

    /// <exception cref="InvalidEventException">Not one of the two events, malformed, or from another region.</exception>
    public static LaunchFailureParse Parse(RestoreInput input, string stackRegion)
    {
        ArgumentNullException.ThrowIfNull(input);
        var id = string.IsNullOrWhiteSpace(input.Id) ? throw Invalid("the event has no id.") : input.Id;
        var kind = $"{input.Source}/{input.DetailType}";
        var cloudTrail = input.Source == Ec2Source && input.DetailType == CloudTrailDetailType;
        var autoScaling = input.Source == AutoScalingSource && input.DetailType == LaunchUnsuccessful;
        if (!cloudTrail && !autoScaling)
        {
            throw Invalid($"unsupported event: source '{input.Source}', detail-type '{input.DetailType}'; expected '{Ec2Source}' '{CloudTrailDetailType}' or '{AutoScalingSource}' '{LaunchUnsuccessful}'.");
        }

        if (string.IsNullOrWhiteSpace(input.Region))
        {
            throw Invalid("the event has no region.");
        }

        if (!string.Equals(input.Region, stackRegion, StringComparison.Ordinal))
        {
            throw Invalid($"the event comes from region '{input.Region}' but this stack runs in '{stackRegion}'; an image is healed by the stack deployed in its own region (check the EventBridge rule or bus forwarding). Nothing was done.");
        }

        if (input.Detail is not { ValueKind: JsonValueKind.Object } detail)
        {
            throw Invalid("the event has no detail object.");
        }

        return cloudTrail ? ParseCloudTrail(id, input.Region, detail) : ParseAutoScaling(id, input.Region, detail);
    }

    private static LaunchFailureParse ParseCloudTrail(string id, string region, JsonElement json)
    {
        var detail = Read(json, OnDemandJsonContext.Default.CloudTrailCallDetail);
        var operation = detail.EventName ?? string.Empty;
        if (detail.EventSource != Ec2EventSource || !Operations.Contains(operation))
        {
            return LaunchFailureParse.Ignore(id, operation, $"CloudTrail call {detail.EventSource}:{detail.EventName} is not a launch (only {string.Join(", ", Operations)} are read)");
        }

        var request = LaunchRequestReader.Read(detail.RequestParameters, detail.ResponseElements);
        var code = detail.ErrorCode ?? request.ErrorCodes.FirstOrDefault(ImageErrorCodes.Contains);
        if (code is null)
        {
            return LaunchFailureParse.Ignore(id, operation, $"{operation} did not fail (no errorCode)");
        }

        if (!ImageErrorCodes.Contains(code))
        {
            return LaunchFailureParse.Ignore(id, operation, $"{operation} failed with {code}, not an image failure ({string.Join(" or ", ImageErrorCodes)})");
        }

        var identity = detail.UserIdentity;
        var byAutoScaling = identity?.InvokedBy == AutoScalingService || detail.UserAgent == AutoScalingService;
        var caller = identity?.Arn ?? identity?.InvokedBy ?? "an unknown caller";
        var neededBy = byAutoScaling && request.AutoScalingGroupName is { } group ? $"Auto Scaling group {group} ({caller})" : caller;
        return LaunchFailureParse.Heal(new LaunchFailure
        {
            Source = LaunchFailureSource.CloudTrail,
            EventId = id,
            Region = region,
            Operation = operation,
            ErrorCode = code,
            ErrorMessage = detail.ErrorMessage,
            ImageIds = request.ImageIds,
            LaunchTemplates = request.LaunchTemplates,
            AutoScalingGroupName = request.AutoScalingGroupName,
            NeededBy = neededBy,
        });
    }

    private static LaunchFailureParse ParseAutoScaling(string id, string region, JsonElement json)
    {
        var detail = Read(json, OnDemandJsonContext.Default.AutoScalingLaunchDetail);
        if (string.IsNullOrWhiteSpace(detail.AutoScalingGroupName))
        {
            throw Invalid("detail.AutoScalingGroupName is missing.");
        }

        var message = detail.StatusMessage ?? string.Empty;
        var code = ImageErrorCodes.FirstOrDefault(c => message.Contains(c, StringComparison.Ordinal));
        var images = ImageIdInText().Matches(message).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        if (code is null && images.Count == 0 && !ImageFailureText().IsMatch(message))
        {
            return LaunchFailureParse.Ignore(id, LaunchUnsuccessful, $"Auto Scaling group {detail.AutoScalingGroupName} failed to launch for a reason that is not its image: '{Shorten(message)}'");
        }

        return LaunchFailureParse.Heal(new LaunchFailure
        {
            Source = LaunchFailureSource.AutoScaling,
            EventId = id,
            Region = region,
            Operation = LaunchUnsuccessful,
            ErrorCode = code,
            ErrorMessage = message,
            ImageIds = images,
            AutoScalingGroupName = detail.AutoScalingGroupName,
            NeededBy = $"Auto Scaling group {detail.AutoScalingGroupName}",
        });
    }

    private static T Read<T>(JsonElement json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return json.Deserialize(type) ?? throw Invalid("the event's detail is null.");
        }
        catch (JsonException ex)
        {
            throw Invalid($"the event's detail does not fit a {typeof(T).Name} (at {ex.Path ?? "?"}): a field has the wrong type.");
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private static InvalidEventException Invalid(string problem) => new($"The restore function rejected its event: {problem}");

    [GeneratedRegex(@"ami-[0-9a-f]{8,17}\b", RegexOptions.CultureInvariant)]
    private static partial Regex ImageIdInText();

    /// <summary>EC2's words for an unlaunchable image when the message carries no id or code.</summary>
    [GeneratedRegex(@"image id .*(does not exist|is not available|no longer available|disabled)|InvalidAMIID", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ImageFailureText();
}
