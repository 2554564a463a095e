using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Mapping;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using LaunchPermission = AmiAutomation.Core.Images.LaunchPermission;

namespace AmiAutomation.Aws.Sharing;

/// <summary>
/// Reads the launch permissions of the given images (the sweep's deregistration candidates only), one
/// DescribeImageAttribute(launchPermission) each through the region's rate limiter. An image that cannot be read is
/// named in <see cref="LaunchPermissionRead.Problems"/> and the source is reported Failed: fail closed.
/// </summary>
/// <remarks>IAM: ec2:DescribeImageAttribute.</remarks>
public sealed class LaunchPermissionReader
{
    private const string Action = "DescribeImageAttribute";
    private readonly IEc2ClientFactory _clients;
    private readonly Ec2RateLimiterRegistry _rateLimiters;

    public LaunchPermissionReader(IEc2ClientFactory clients, Ec2RateLimiterRegistry rateLimiters)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(rateLimiters);
        _clients = clients;
        _rateLimiters = rateLimiters;
    }

    /// <summary>Never throws for an image's failure (it becomes a problem); rethrows nothing but argument errors.</summary>
    public async Task<LaunchPermissionRead> ReadAsync(string region, IReadOnlyCollection<string> imageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(imageIds);
        var client = _clients.ForRegion(region);
        var limiter = _rateLimiters.ForRegion(region);
        var run = new SourceRun(InventorySource.LaunchPermissions) { Operation = Action };
        var permissions = new Dictionary<string, IReadOnlyList<LaunchPermission>>(StringComparer.Ordinal);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var imageId in imageIds)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                problems[imageId] = "the deadline came before it was read";
                continue;
            }

            try
            {
                permissions[imageId] = await ReadOneAsync(client, limiter, run, imageId, cancellationToken);
                run.Items++;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                problems[imageId] = "the deadline came before it was read";
            }
            catch (AmazonServiceException ex)
            {
                problems[imageId] = Ec2ErrorCodes.Describe(ex);
            }
#pragma warning disable CA1031 // Fail closed: any other error (network, mapping) makes this image unreadable, never the run.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                problems[imageId] = $"{ex.GetType().Name}: {ex.Message}";
            }
        }

        if (problems.Count > 0)
        {
            var (firstId, first) = problems.First();
            run.Fail($"{problems.Count} of {imageIds.Count} image(s) unreadable; {firstId}: {first}");
        }

        return new LaunchPermissionRead(permissions, problems, run.ToReport());
    }

    private static async Task<IReadOnlyList<LaunchPermission>> ReadOneAsync(
        IAmazonEC2 client, Ec2RateLimiter limiter, SourceRun run, string imageId, CancellationToken cancellationToken)
    {
        await limiter.AcquireAsync(Action, Ec2ActionClass.Describe, cancellationToken);
        run.Calls++;
        var response = await client.DescribeImageAttributeAsync(
            new DescribeImageAttributeRequest { ImageId = imageId, Attribute = ImageAttributeName.LaunchPermission },
            cancellationToken);

        // An answer without the attribute is not "shared with nobody": it is no answer.
        var attribute = response?.ImageAttribute
            ?? throw new InvalidOperationException("DescribeImageAttribute returned no ImageAttribute");
        return LaunchPermissionMapper.ToCore(attribute.LaunchPermissions);
    }
}
