using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.Mapping;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Replication;
using AmiAutomation.Core.Tagging;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace AmiAutomation.Aws.Replication;

/// <summary>
/// Finishes a copy in its own region: adds the source's launch permissions, sets the deprecation time, and only then
/// tags <see cref="TagNames.CopyFinishedAt"/> — a finish interrupted half-way is redone by the reconciler (adding
/// permissions and setting the same deprecation again are harmless). Times EC2 checks against its clock (the
/// deprecation) are worked out from the clock right before the call, never taken from the plan.
/// </summary>
/// <remarks>ec2:ModifyImageAttribute, ec2:EnableImageDeprecation, ec2:DeleteTags (inherited tags, only on a copy with
/// no tag free), ec2:CreateTags</remarks>
public sealed class Ec2CopyFinisher
{
    private const string ModifyImageAttribute = "ModifyImageAttribute";
    private const string EnableImageDeprecation = "EnableImageDeprecation";
    private const string CreateTags = "CreateTags";
    private const string DeleteTags = "DeleteTags";

    private readonly ReplicationCalls _calls;
    private readonly Ec2ReplicatorOptions _options;
    private readonly TimeProvider _time;

    public Ec2CopyFinisher(IEc2ClientFactory clients, TimeProvider time, Ec2RateLimiterRegistry? limiters = null, Ec2ReplicatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(time);
        _calls = new ReplicationCalls(clients, limiters);
        _options = options ?? Ec2ReplicatorOptions.Default;
        _time = time;
    }

    /// <summary>Carries out <paramref name="plan"/>; with <paramref name="dryRun"/> every call is an EC2 DryRun.</summary>
    public async Task<ActionOutcome> FinishAsync(CopyFinishPlan plan, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var copy = plan.Copy;
        var step = DeleteTags;
        DateTimeOffset? deprecatedAt = null;
        try
        {
            if (plan.TagsToRemove.Count > 0)
            {
                await DryRunAware(dryRun, _calls.SendAsync(
                    copy.Region,
                    DeleteTags,
                    Ec2ActionClass.Tagging,
                    (ec2, ct) => ec2.DeleteTagsAsync(
                        new DeleteTagsRequest
                        {
                            Resources = [copy.ImageId],
                            Tags = [.. plan.TagsToRemove.Select(k => new Tag { Key = k })],
                            DryRun = dryRun ? true : null,
                        },
                        ct),
                    cancellationToken));
            }

            step = ModifyImageAttribute;
            foreach (var batch in plan.PermissionsToAdd.Chunk(_options.LaunchPermissionBatchSize))
            {
                await DryRunAware(dryRun, _calls.SendAsync(
                    copy.Region,
                    ModifyImageAttribute,
                    Ec2ActionClass.Deregister,
                    (ec2, ct) => ec2.ModifyImageAttributeAsync(
                        new ModifyImageAttributeRequest
                        {
                            ImageId = copy.ImageId,
                            LaunchPermission = new LaunchPermissionModifications { Add = LaunchPermissionMapper.ToSdk(batch) },
                            DryRun = dryRun ? true : null,
                        },
                        ct),
                    cancellationToken));
            }

            step = EnableImageDeprecation;
            // EC2 refuses a time in the past by its clock when the call arrives: worked out now, not at plan time.
            if (plan.Deprecation?.At(_time.GetUtcNow()) is { } deprecateAt)
            {
                deprecatedAt = deprecateAt;
                await DryRunAware(dryRun, _calls.SendAsync(
                    copy.Region,
                    EnableImageDeprecation,
                    Ec2ActionClass.Mutate,
                    (ec2, ct) => ec2.EnableImageDeprecationAsync(
                        new EnableImageDeprecationRequest
                        {
                            ImageId = copy.ImageId,
                            DeprecateAt = Ec2Time.ToRequestTime(deprecateAt),
                            DryRun = dryRun ? true : null,
                        },
                        ct),
                    cancellationToken));
            }

            step = CreateTags;
            await DryRunAware(dryRun, _calls.SendAsync(
                copy.Region,
                CreateTags,
                Ec2ActionClass.Tagging,
                (ec2, ct) => ec2.CreateTagsAsync(
                    new CreateTagsRequest
                    {
                        Resources = [copy.ImageId],
                        Tags = [new Tag(TagNames.CopyFinishedAt, TagTime.Format(_time.GetUtcNow()))],
                        DryRun = dryRun ? true : null,
                    },
                    ct),
                cancellationToken));
        }
        catch (AmazonServiceException ex)
        {
            return new ActionOutcome(plan.Decision, OutcomeStatus.Failed, Ec2ErrorCodes.CodeOf(ex),
                $"{step} on copy {copy.ImageId} in {copy.Region} failed: {Ec2ErrorCodes.Describe(ex)}; the reconciler finishes it later");
        }

        var summary = $"{plan.PermissionsToAdd.Count} launch permission(s) added, deprecation {(deprecatedAt is { } at ? TagTime.Format(at) : "unchanged")}"
            + (plan.PublicWithheld ? ", public access withheld" : string.Empty)
            + (plan.TagsToRemove.Count > 0 ? $", inherited tag(s) removed to fit EC2's limit: {string.Join(", ", plan.TagsToRemove)}" : string.Empty);
        return dryRun
            ? new ActionOutcome(plan.Decision, OutcomeStatus.DryRun, Detail: "would be allowed: " + summary)
            : new ActionOutcome(plan.Decision, OutcomeStatus.Succeeded, Detail: summary);
    }

    /// <summary>Awaits one call; in a dry run EC2's DryRunOperation answer means "would be allowed" and is swallowed.</summary>
    private static async Task DryRunAware<T>(bool dryRun, Task<T> call)
    {
        try
        {
            await call;
        }
        catch (AmazonServiceException ex) when (dryRun && Ec2ErrorCodes.Is(ex, Ec2ErrorCodes.DryRunOperation))
        {
        }
    }
}
