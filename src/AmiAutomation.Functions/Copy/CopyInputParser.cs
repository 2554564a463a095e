using System.Text.RegularExpressions;
using AmiAutomation.Aws.Replication;
using AmiAutomation.Runtime.Functions;

namespace AmiAutomation.Functions.Copy;

/// <summary>
/// Tells the copy function's inputs apart and checks them; every problem becomes an
/// <see cref="InvalidEventException"/> that names it.
/// </summary>
/// <remarks>
/// Events must come from <c>aws.ec2</c> with detail-type <c>EC2 AMI State Change</c> and from the stack's own region
/// (another region's event means a rule or bus is wired wrongly). State <c>available</c> and <c>failed</c> are handled;
/// any other state is a no-op with a reason. An EventBridge <c>Scheduled Event</c> is taken as a reconcile request.
/// <c>dryRun: false</c> is refused while the function is configured with <c>DRY_RUN=true</c> (never silently upgraded).
/// </remarks>
public static partial class CopyInputParser
{
    public const string Ec2Source = "aws.ec2";
    public const string AmiStateChange = "EC2 AMI State Change";
    public const string SchedulerSource = "aws.events";
    public const string ScheduledEvent = "Scheduled Event";
    public const string ReconcileAction = "reconcile";

    public const string AvailableState = "available";
    public const string FailedState = "failed";

    public const int MaxRequestedRegions = 50;

    public static CopyInvocation Parse(CopyInput input, string stackRegion, bool configuredDryRun)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.DryRun == false && configuredDryRun)
        {
            throw Invalid("dryRun=false was requested, but this function is configured with DRY_RUN=true; set DRY_RUN=false to allow live runs.");
        }

        var dryRun = input.DryRun ?? configuredDryRun;
        var manualFields = input.ImageId is not null || input.Regions is not null || input.Action is not null;
        if (input.HasEnvelope)
        {
            if (manualFields)
            {
                throw Invalid("the payload mixes an EventBridge event (detail-type, source, detail …) with imageId/regions/action; send one or the other.");
            }

            return ParseEvent(input, stackRegion, dryRun);
        }

        if (input.Action is not null)
        {
            if (input.ImageId is not null || input.Regions is not null)
            {
                throw Invalid("action cannot be combined with imageId or regions.");
            }

            return string.Equals(input.Action.Trim(), ReconcileAction, StringComparison.OrdinalIgnoreCase)
                ? new CopyInvocation(CopyInvocationKind.Reconcile, dryRun, "schedule")
                : throw Invalid($"action '{input.Action}' is unknown; the only action is '{ReconcileAction}'.");
        }

        if (input.ImageId is not null)
        {
            return ParseManual(input, dryRun);
        }

        throw Invalid($"expected an '{AmiStateChange}' event from {Ec2Source}, {{\"action\": \"{ReconcileAction}\"}} or {{\"imageId\": \"ami-…\", \"regions\": [\"…\"]}}.");
    }

    private static CopyInvocation ParseEvent(CopyInput input, string stackRegion, bool dryRun)
    {
        if (string.Equals(input.Source, SchedulerSource, StringComparison.Ordinal)
            && string.Equals(input.DetailType, ScheduledEvent, StringComparison.Ordinal))
        {
            return new CopyInvocation(CopyInvocationKind.Reconcile, dryRun, "schedule");
        }

        if (!string.Equals(input.Source, Ec2Source, StringComparison.Ordinal)
            || !string.Equals(input.DetailType, AmiStateChange, StringComparison.Ordinal))
        {
            throw Invalid($"unsupported event: source '{input.Source}', detail-type '{input.DetailType}'; expected source '{Ec2Source}' and detail-type '{AmiStateChange}'.");
        }

        if (string.IsNullOrWhiteSpace(input.Region))
        {
            throw Invalid("the event has no region.");
        }

        if (!string.Equals(input.Region, stackRegion, StringComparison.Ordinal))
        {
            throw Invalid($"the event comes from region '{input.Region}' but this stack runs in '{stackRegion}'; an AMI event is handled by the stack deployed in the AMI's own region (check the EventBridge rule or bus forwarding).");
        }

        var detail = input.Detail ?? throw Invalid("the event has no detail.");
        var imageId = detail.ImageId?.Trim();
        if (imageId is null || !ImageIdPattern().IsMatch(imageId))
        {
            throw Invalid($"detail.ImageId '{detail.ImageId}' is not an AMI id (ami- followed by 8 to 17 lower-case hex digits).");
        }

        if (string.IsNullOrWhiteSpace(detail.State))
        {
            throw Invalid("detail.State is missing (note the capital S).");
        }

        var errorMessage = string.IsNullOrWhiteSpace(detail.ErrorMessage) ? null : detail.ErrorMessage.Trim();
        return detail.State switch
        {
            AvailableState => new CopyInvocation(CopyInvocationKind.ImageAvailable, dryRun, "event") { ImageId = imageId, EventState = detail.State },
            FailedState => new CopyInvocation(CopyInvocationKind.ImageFailed, dryRun, "event") { ImageId = imageId, EventState = detail.State, ErrorMessage = errorMessage },
            _ => new CopyInvocation(CopyInvocationKind.NoOp, dryRun, "event")
            {
                ImageId = imageId,
                EventState = detail.State,
                NoOpReason = $"state '{detail.State}' needs no copy work; only '{AvailableState}' (copy or finish) and '{FailedState}' (report) do",
            },
        };
    }

    private static CopyInvocation ParseManual(CopyInput input, bool dryRun)
    {
        var errors = new List<string>();
        var imageId = input.ImageId!.Trim();
        if (!ImageIdPattern().IsMatch(imageId))
        {
            errors.Add($"imageId '{input.ImageId}' is not an AMI id (ami- followed by 8 to 17 lower-case hex digits).");
        }

        List<string>? regions = null;
        if (input.Regions is not null)
        {
            regions = [];
            var invalid = new List<string>();
            foreach (var raw in input.Regions)
            {
                var region = raw?.Trim() ?? string.Empty;
                if (!KnownRegions.IsKnown(region))
                {
                    invalid.Add($"'{raw}'");
                }
                else if (!regions.Contains(region, StringComparer.Ordinal))
                {
                    regions.Add(region);
                }
            }

            if (input.Regions.Count == 0)
            {
                errors.Add("regions is empty: leave it out to use the image's copy-to tag or COPY_TARGET_REGIONS.");
            }
            else if (input.Regions.Count > MaxRequestedRegions)
            {
                errors.Add($"regions has {input.Regions.Count} entries; at most {MaxRequestedRegions} are allowed.");
            }

            if (invalid.Count > 0)
            {
                errors.Add($"regions contains names that are not AWS regions: {string.Join(", ", invalid)} (expected e.g. eu-west-1, us-east-1).");
            }
        }

        if (errors.Count > 0)
        {
            throw Invalid(string.Join(" ", errors));
        }

        return new CopyInvocation(CopyInvocationKind.Manual, dryRun, "manual") { ImageId = imageId, Regions = regions };
    }

    private static InvalidEventException Invalid(string problem) => new($"The copy function rejected its input: {problem}");

    [GeneratedRegex("^ami-[0-9a-f]{8,17}$", RegexOptions.CultureInvariant)]
    private static partial Regex ImageIdPattern();
}
