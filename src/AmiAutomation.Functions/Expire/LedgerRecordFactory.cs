using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Mapping;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using LaunchPermission = AmiAutomation.Core.Images.LaunchPermission;

namespace AmiAutomation.Functions.Expire;

/// <summary>
/// Builds the ledger record written right before a deregistration, from the image as re-read by the executor
/// (tags, snapshots with sizes, launch permissions, deprecation time) plus the decision's family and reasons.
/// </summary>
/// <remarks>ec2:DescribeImageAttribute (launchPermission) only when the re-check did not already read it.</remarks>
public sealed class LedgerRecordFactory(IAmazonEC2 client, TimeProvider time, TimeSpan retention)
{
    /// <exception cref="LaunchPermissionsUnreadableException">The launch permissions cannot be read: no record, no deregistration.</exception>
    /// <param name="recordedBeforeDisable">For a disabled image: the launch permissions its disable record kept (merged in).</param>
    public async Task<LedgerRecord> CreateAsync(
        DeregistrationContext context, string runId, CancellationToken cancellationToken, IReadOnlyList<LaunchPermission>? recordedBeforeDisable = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var image = context.Current;
        var now = time.GetUtcNow();
        return new LedgerRecord
        {
            ImageId = image.ImageId,
            Region = context.Region,
            Name = image.Name,
            Description = image.Description,
            Family = context.Decision.Family,
            Tags = new Dictionary<string, string>(image.Tags, StringComparer.Ordinal),
            Snapshots = [.. image.Snapshots],
            LaunchPermissions = [.. (image.LaunchPermissions ?? await ReadLaunchPermissionsAsync(image, cancellationToken))
                .Concat(recordedBeforeDisable ?? []).Distinct()],
            DeprecationTime = image.DeprecationTime,
            Reasons = [.. context.Decision.Reasons.Select(r => r.ToString())],
            RunId = runId,
            RecordedAt = now,
            ExpiresAt = now + retention,
            Status = LedgerStatus.PendingDeregistration,
        };
    }

    private async Task<IReadOnlyList<LaunchPermission>> ReadLaunchPermissionsAsync(AmiImage image, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.DescribeImageAttributeAsync(
                new DescribeImageAttributeRequest { ImageId = image.ImageId, Attribute = ImageAttributeName.LaunchPermission },
                cancellationToken);
            return LaunchPermissionMapper.ToCore(response?.ImageAttribute?.LaunchPermissions);
        }
        catch (AmazonServiceException ex)
        {
            throw new LaunchPermissionsUnreadableException(image.ImageId, Ec2ErrorCodes.Describe(ex), ex);
        }
    }
}
