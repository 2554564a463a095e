using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Replication;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using CoreImageState = AmiAutomation.Core.Images.ImageState;

namespace AmiAutomation.Aws.Replication;

/// <summary>
/// Starts copies: CopyImage through the DESTINATION region's client with the planned token, name, encryption and
/// tags, then tags the new image with its lineage and start record once more (CreateTags) for endpoints that ignore
/// TagSpecifications. Every result is an <see cref="ActionOutcome"/>; nothing throws for an EC2 error.
/// </summary>
/// <remarks>
/// Outcomes: Succeeded (NewImageId = the copy); DryRun (EC2 answered DryRunOperation); Deferred on
/// ResourceLimitExceeded (too many copies in flight; the reconciler retries); SkippedOnRecheck with ErrorCode
/// AlreadyCopied when the name is taken by a copy of the same source; Failed with the EC2 error code otherwise
/// (throttling only after the SDK's retries).
/// ec2:CopyImage, ec2:CreateTags (on the new image, and on the source for the attempts tag), ec2:DescribeImages,
/// and for KMS keys: kms:CreateGrant, kms:Decrypt, kms:DescribeKey, kms:Encrypt, kms:GenerateDataKeyWithoutPlaintext,
/// kms:ReEncryptFrom, kms:ReEncryptTo.
/// </remarks>
public sealed class Ec2CopyStarter
{
    private const string CopyImage = "CopyImage";
    private const string CreateTags = "CreateTags";

    private readonly ReplicationCalls _calls;
    private readonly Ec2CopyFinder _finder;

    public Ec2CopyStarter(IEc2ClientFactory clients, Ec2CopyFinder finder, Ec2RateLimiterRegistry? limiters = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(finder);
        _calls = new ReplicationCalls(clients, limiters);
        _finder = finder;
    }

    public async Task<ActionOutcome> StartAsync(PlannedCopy planned, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var request = planned.Request;
        try
        {
            return await SendAsync(planned, request.Name, request.ClientToken, dryRun, cancellationToken);
        }
        catch (AmazonEC2Exception ex) when (Ec2ErrorCodes.Is(ex, Ec2CopyErrorCodes.DuplicateName))
        {
            return await ResolveDuplicateNameAsync(planned, dryRun, cancellationToken);
        }
        catch (AmazonServiceException ex)
        {
            return Classify(planned, ex);
        }
    }

    /// <summary>Writes tags on the source (the attempts record). Returns null, or the error that stopped it.</summary>
    /// <remarks>ec2:CreateTags</remarks>
    public async Task<string?> TagSourceAsync(AmiImage source, IReadOnlyDictionary<string, string> tags, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(tags);
        if (tags.Count == 0)
        {
            return null;
        }

        try
        {
            await TagAsync(source.Region, source.ImageId, tags, dryRun, cancellationToken);
            return null;
        }
        catch (AmazonEC2Exception ex) when (dryRun && Ec2ErrorCodes.Is(ex, Ec2ErrorCodes.DryRunOperation))
        {
            return null;
        }
        catch (AmazonServiceException ex)
        {
            return Ec2ErrorCodes.Describe(ex);
        }
    }

    private async Task<ActionOutcome> SendAsync(PlannedCopy planned, string name, string token, bool dryRun, CancellationToken cancellationToken)
    {
        var request = planned.Request;
        try
        {
            var response = await _calls.SendAsync(
                request.DestinationRegion,
                CopyImage,
                Ec2ActionClass.CopyImage,
                (ec2, ct) => ec2.CopyImageAsync(ToSdk(request, name, token, dryRun), ct),
                cancellationToken);
            if (string.IsNullOrEmpty(response.ImageId))
            {
                return new ActionOutcome(planned.Decision, OutcomeStatus.Failed, "NoImageId", $"CopyImage to {request.DestinationRegion} returned no ImageId.");
            }

            var detail = $"copy {response.ImageId} started in {request.DestinationRegion} (attempt {request.Attempt})";
            var tagError = await TagLineageAsync(request, response.ImageId, cancellationToken);
            if (tagError is not null)
            {
                detail += $"; lineage CreateTags failed ({tagError}), TagSpecifications still apply";
            }

            return new ActionOutcome(planned.Decision, OutcomeStatus.Succeeded, Detail: detail) { NewImageId = response.ImageId };
        }
        catch (AmazonEC2Exception ex) when (dryRun && Ec2ErrorCodes.Is(ex, Ec2ErrorCodes.DryRunOperation))
        {
            return new ActionOutcome(planned.Decision, OutcomeStatus.DryRun, Detail: $"CopyImage to {request.DestinationRegion} would be allowed");
        }
    }

    private async Task<string?> TagLineageAsync(CopyRequest request, string imageId, CancellationToken cancellationToken)
    {
        try
        {
            // Ours only (lineage and the start record): these must exist even where TagSpecifications are ignored.
            var ours = request.Tags.Where(t => CopyTags.IsControlKey(t.Key)).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
            foreach (var (key, value) in CopyTags.Lineage(request.SourceImageId, request.SourceRegion))
            {
                ours[key] = value;
            }

            await TagAsync(request.DestinationRegion, imageId, ours, false, cancellationToken);
            return null;
        }
        catch (AmazonServiceException ex)
        {
            return Ec2ErrorCodes.Describe(ex);
        }
    }

    private async Task<ActionOutcome> ResolveDuplicateNameAsync(PlannedCopy planned, bool dryRun, CancellationToken cancellationToken)
    {
        var request = planned.Request;
        IReadOnlyList<AmiImage> holders;
        try
        {
            holders = await _finder.FindByNameAsync(request.DestinationRegion, request.Name, cancellationToken);
        }
        catch (AmazonServiceException ex)
        {
            return new ActionOutcome(planned.Decision, OutcomeStatus.Failed, Ec2CopyErrorCodes.DuplicateName,
                $"the name '{request.Name}' is taken in {request.DestinationRegion} and the holder could not be read: {Ec2ErrorCodes.Describe(ex)}");
        }

        var holder = holders.FirstOrDefault();
        if (holder is null || !CopyLineage.IsCopyOf(holder, request.SourceImageId))
        {
            var who = holder is null ? "an image this account cannot see" : $"{holder.ImageId}, which is not a copy of {request.SourceImageId}";
            return new ActionOutcome(planned.Decision, OutcomeStatus.Failed, Ec2CopyErrorCodes.DuplicateName,
                $"the name '{request.Name}' is already used in {request.DestinationRegion} by {who}; rename one of them");
        }

        if (holder.State != CoreImageState.Failed)
        {
            return new ActionOutcome(planned.Decision, OutcomeStatus.SkippedOnRecheck, Ec2CopyErrorCodes.AlreadyCopied,
                $"{holder.ImageId} in {request.DestinationRegion} is already a copy of {request.SourceImageId} ({holder.State})") { NewImageId = holder.ImageId };
        }

        var renamed = CopyNames.ForAttempt(request.Name, request.Attempt);
        var token = CopyClientToken.ForRenamed(request.SourceImageId, request.DestinationRegion, request.Attempt);
        try
        {
            return await SendAsync(planned, renamed, token, dryRun, cancellationToken);
        }
        catch (AmazonServiceException ex)
        {
            return Classify(planned, ex);
        }
    }

    private static ActionOutcome Classify(PlannedCopy planned, AmazonServiceException ex)
    {
        var request = planned.Request;
        var code = Ec2ErrorCodes.CodeOf(ex);
        return code switch
        {
            Ec2CopyErrorCodes.ResourceLimitExceeded => new ActionOutcome(planned.Decision, OutcomeStatus.Deferred, code,
                $"too many copies in flight to {request.DestinationRegion}; the reconciler starts this one later"),
            Ec2CopyErrorCodes.IdempotentParameterMismatch => new ActionOutcome(planned.Decision, OutcomeStatus.Failed, code,
                $"ClientToken {request.ClientToken} was used before with other parameters (did the KMS key or the name change?): {Ec2ErrorCodes.Describe(ex)}"),
            _ => new ActionOutcome(planned.Decision, OutcomeStatus.Failed, code,
                $"CopyImage of {request.SourceImageId} to {request.DestinationRegion} failed: {Ec2ErrorCodes.Describe(ex)}"),
        };
    }

    private Task TagAsync(string region, string imageId, IReadOnlyDictionary<string, string> tags, bool dryRun, CancellationToken cancellationToken) =>
        _calls.SendAsync(
            region,
            CreateTags,
            Ec2ActionClass.Tagging,
            (ec2, ct) => ec2.CreateTagsAsync(
                new CreateTagsRequest
                {
                    Resources = [imageId],
                    Tags = [.. tags.Select(t => new Tag(t.Key, t.Value))],
                    DryRun = dryRun ? true : null,
                },
                ct),
            cancellationToken);

    private static CopyImageRequest ToSdk(CopyRequest request, string name, string token, bool dryRun) => new()
    {
        SourceImageId = request.SourceImageId,
        SourceRegion = request.SourceRegion,
        Name = name,
        Description = request.Description,
        ClientToken = token,
        CopyImageTags = request.CopyImageTags,
        Encrypted = request.Encrypted ? true : null,
        KmsKeyId = request.KmsKeyId,
        TagSpecifications =
        [
            new TagSpecification { ResourceType = ResourceType.Image, Tags = [.. request.Tags.Select(t => new Tag(t.Key, t.Value))] },
        ],
        DryRun = dryRun ? true : null,
    };
}
