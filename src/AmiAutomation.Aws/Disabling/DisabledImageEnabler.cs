using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.Mapping;
using AmiAutomation.Aws.RecycleBin;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Disabling;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Tagging;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using ImageState = AmiAutomation.Core.Images.ImageState;
using LaunchPermission = AmiAutomation.Core.Images.LaunchPermission;

namespace AmiAutomation.Aws.Disabling;

/// <summary>
/// Brings a disabled image back: EnableImage, then the hold (<c>ami-lifecycle:keep-until</c>, so the next sweep does
/// not disable it again), then the launch permissions its ledger disable record kept (EnableImage does not restore
/// them: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/disable-an-ami.html), never group <c>all</c> unless
/// RESTORE_ALLOW_PUBLIC. Idempotent: planned from what EC2 shows now, so an available image only gets what it lacks.
/// </summary>
/// <remarks>IAM: ec2:DescribeImages, ec2:DescribeImageAttribute, ec2:EnableImage, ec2:CreateTags,
/// ec2:ModifyImageAttribute; dynamodb:GetItem, dynamodb:PutItem on the ledger table.</remarks>
public sealed class DisabledImageEnabler
{
    private readonly RestoreCalls _calls;
    private readonly IDeregistrationLedger _ledger;
    private readonly EnableOptions _options;
    private readonly TimeProvider _time;

    public DisabledImageEnabler(IAmazonEC2 ec2, IDeregistrationLedger ledger, EnableOptions options, TimeProvider time, Ec2RateLimiter? limiter = null)
    {
        ArgumentNullException.ThrowIfNull(ec2);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _calls = new RestoreCalls(ec2, limiter);
        _ledger = ledger;
        _options = options;
        _time = time;
    }

    /// <summary>Enables one image (dry run: reads only, and reports what it would do). Never throws for EC2 or
    /// ledger errors: they come back in the result.</summary>
    public async Task<EnableResult> EnableAsync(string imageId, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(imageId);
        var result = new EnableResult { ImageId = imageId, Region = _options.Region, Outcome = EnableOutcome.Failed };
        AmiImage? image;
        try
        {
            image = await ReadImageAsync(imageId, cancellationToken);
        }
        catch (AmazonServiceException ex)
        {
            return result with { Problems = [$"DescribeImages failed: {Ec2ErrorCodes.Describe(ex)}"] };
        }

        if (image is null)
        {
            return result with { Outcome = EnableOutcome.NotFound, Notes = [$"EC2 does not list {imageId} in {_options.Region} (even with IncludeDisabled)."] };
        }

        if (_options.AccountId is { } account && !string.Equals(image.OwnerId, account, StringComparison.Ordinal))
        {
            return result with { Outcome = EnableOutcome.NotOwned, Notes = [$"{imageId} is owned by {image.OwnerId}, not {account}: only its owner can enable it."] };
        }

        if (image.State is not (ImageState.Disabled or ImageState.Available))
        {
            return result with { Outcome = EnableOutcome.WrongState, Notes = [$"{imageId} is {image.State}: only a disabled (or available) image can be enabled."] };
        }

        DisableRecord? record;
        try
        {
            record = await _ledger.GetDisableRecordAsync(_options.Region, imageId, cancellationToken);
            image = await WithPermissionsAsync(image, cancellationToken);
        }
        catch (AmazonServiceException ex)
        {
            return result with { Problems = [$"DescribeImageAttribute failed: {Ec2ErrorCodes.Describe(ex)}"] };
        }
#pragma warning disable CA1031 // Fail safe: an unreadable ledger means the shares are unknown; change nothing, say why.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return result with { Problems = [$"The ledger's disable record could not be read ({ex.GetType().Name}: {ex.Message}): nothing changed; run again."] };
        }

        var plan = EnablePlanner.Plan(record, image, _options.Policy, _time.GetUtcNow());
        result = result with
        {
            LaunchPermissionsReapplied = plan.LaunchPermissionsToAdd,
            LaunchPermissionsSkipped = plan.LaunchPermissionsSkipped,
            HoldUntil = plan.HoldUntil,
            HadDisableRecord = record is not null,
            Notes = plan.Notes,
        };
        if (dryRun)
        {
            return result with { Outcome = EnableOutcome.DryRun };
        }

        return await ApplyAsync(result, plan, record, cancellationToken);
    }

    private async Task<EnableResult> ApplyAsync(EnableResult result, EnablePlan plan, DisableRecord? record, CancellationToken cancellationToken)
    {
        var imageId = result.ImageId;
        if (plan.Enable)
        {
            var enabled = await _calls.ChangeAsync("EnableImage", Ec2ActionClass.Mutate, dryRun: false, async client =>
            {
                var response = await client.EnableImageAsync(new EnableImageRequest { ImageId = imageId }, CancellationToken.None);
                return response?.Return;
            }, cancellationToken);
            if (enabled.IsFailure)
            {
                return result with { LaunchPermissionsReapplied = [], HoldUntil = null, Problems = [enabled.Detail ?? "EnableImage failed"] };
            }
        }

        var problems = new List<string>();
        var holdUntil = plan.HoldUntil;
        if (holdUntil is { } until)
        {
            var tagged = await _calls.ChangeAsync("CreateTags", Ec2ActionClass.Tagging, dryRun: false, async client =>
            {
                await client.CreateTagsAsync(
                    new CreateTagsRequest { Resources = [imageId], Tags = [new Tag(TagNames.KeepUntil, TagTime.Format(until))] },
                    CancellationToken.None);
                return true;
            }, cancellationToken);
            if (tagged.IsFailure)
            {
                holdUntil = null;
                problems.Add($"{tagged.Detail}: the image is NOT held; the next sweep may disable it again");
            }
        }

        IReadOnlyList<LaunchPermission> reapplied = plan.LaunchPermissionsToAdd;
        if (reapplied.Count > 0)
        {
            var shared = await _calls.ChangeAsync("ModifyImageAttribute", Ec2ActionClass.Mutate, dryRun: false, async client =>
            {
                await client.ModifyImageAttributeAsync(
                    new ModifyImageAttributeRequest
                    {
                        ImageId = imageId,
                        LaunchPermission = new LaunchPermissionModifications { Add = LaunchPermissionMapper.ToSdk(reapplied) },
                    },
                    CancellationToken.None);
                return true;
            }, cancellationToken);
            if (shared.IsFailure)
            {
                problems.Add($"{shared.Detail}: launch permissions not re-applied: {Describe(reapplied)}");
                reapplied = [];
            }
        }

        if (plan.MarkRecordEnabled && record is not null && problems.Count == 0)
        {
            await MarkEnabledAsync(record, problems, cancellationToken);
        }

        return result with
        {
            Outcome = plan.Enable ? EnableOutcome.Enabled : EnableOutcome.AlreadyAvailable,
            LaunchPermissionsReapplied = reapplied,
            HoldUntil = holdUntil,
            Problems = problems,
        };
    }

    private async Task MarkEnabledAsync(DisableRecord record, List<string> problems, CancellationToken cancellationToken)
    {
        try
        {
            await _ledger.PutDisableRecordAsync(record with { Status = DisableRecordStatus.Enabled, EnabledAt = _time.GetUtcNow() }, cancellationToken);
        }
#pragma warning disable CA1031 // The image is back and shared; a stale record status is reported, not fatal.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            problems.Add($"The ledger's disable record could not be marked enabled ({ex.GetType().Name}: {ex.Message}).");
        }
    }

    private async Task<AmiImage?> ReadImageAsync(string imageId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _calls.ReadAsync("DescribeImages", (client, ct) => client.DescribeImagesAsync(
                new DescribeImagesRequest { ImageIds = [imageId], IncludeDeprecated = true, IncludeDisabled = true }, ct), cancellationToken);
            var image = response?.Images?.FirstOrDefault(i => string.Equals(i.ImageId, imageId, StringComparison.Ordinal));
            return image is null ? null : Ec2ImageMapper.ToAmiImage(image, _options.Region);
        }
        catch (AmazonServiceException ex) when (ex.ErrorCode is not null
            && (Ec2ErrorCodes.ImageGone.Contains(ex.ErrorCode) || ex.ErrorCode == Ec2ErrorCodes.ImageIdMalformed))
        {
            return null;
        }
    }

    /// <summary>An available image's current launch permissions (a disabled one has none: DisableImage removed them).</summary>
    private async Task<AmiImage> WithPermissionsAsync(AmiImage image, CancellationToken cancellationToken)
    {
        if (image.State == ImageState.Disabled)
        {
            return image with { LaunchPermissions = [] };
        }

        var response = await _calls.ReadAsync("DescribeImageAttribute", (client, ct) => client.DescribeImageAttributeAsync(
            new DescribeImageAttributeRequest { ImageId = image.ImageId, Attribute = ImageAttributeName.LaunchPermission }, ct), cancellationToken);
        var attribute = response?.ImageAttribute ?? throw new InvalidOperationException("DescribeImageAttribute returned no ImageAttribute");
        return image with { LaunchPermissions = LaunchPermissionMapper.ToCore(attribute.LaunchPermissions) };
    }

    private static string Describe(IReadOnlyList<LaunchPermission> permissions) =>
        string.Join(", ", permissions.Select(p => $"{p.Kind} {p.Value}"));
}
