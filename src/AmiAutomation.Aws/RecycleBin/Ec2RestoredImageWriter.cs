using AmiAutomation.Aws.Mapping;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Images;
using Amazon.EC2;
using Amazon.EC2.Model;
using LaunchPermission = AmiAutomation.Core.Images.LaunchPermission;

namespace AmiAutomation.Aws.RecycleBin;

/// <summary>Puts back on a restored image what EC2 does not restore by itself: tags, launch permissions, deprecation;
/// and takes off the Recycle Bin mark.</summary>
public sealed class Ec2RestoredImageWriter
{
    private readonly RestoreCalls _calls;

    public Ec2RestoredImageWriter(IAmazonEC2 ec2, Ec2RateLimiter? limiter = null)
    {
        ArgumentNullException.ThrowIfNull(ec2);
        _calls = new RestoreCalls(ec2, limiter);
    }

    /// <remarks>ec2:CreateTags</remarks>
    public Task<Ec2CallOutcome> ApplyTagsAsync(string imageId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return _calls.ChangeAsync("CreateTags", Ec2ActionClass.Tagging, dryRun: false, async client =>
        {
            await client.CreateTagsAsync(
                new CreateTagsRequest
                {
                    Resources = [imageId],
                    Tags = [.. tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new Tag(t.Key, t.Value))],
                },
                CancellationToken.None);
            return true;
        }, cancellationToken);
    }

    /// <summary>Removes tags by key, whatever their value (DeleteTags with no value).</summary>
    /// <remarks>ec2:DeleteTags</remarks>
    public Task<Ec2CallOutcome> RemoveTagsAsync(string imageId, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return _calls.ChangeAsync("DeleteTags", Ec2ActionClass.Tagging, dryRun: false, async client =>
        {
            await client.DeleteTagsAsync(
                new DeleteTagsRequest { Resources = [imageId], Tags = [.. keys.Order(StringComparer.Ordinal).Select(k => new Tag { Key = k })] },
                CancellationToken.None);
            return true;
        }, cancellationToken);
    }

    /// <remarks>ec2:ModifyImageAttribute</remarks>
    public Task<Ec2CallOutcome> AddLaunchPermissionsAsync(string imageId, IReadOnlyList<LaunchPermission> permissions, CancellationToken cancellationToken) =>
        ModifyAsync(imageId, new LaunchPermissionModifications { Add = LaunchPermissionMapper.ToSdk(permissions) }, cancellationToken);

    /// <remarks>ec2:ModifyImageAttribute</remarks>
    public Task<Ec2CallOutcome> RemovePublicAccessAsync(string imageId, CancellationToken cancellationToken) =>
        ModifyAsync(imageId, new LaunchPermissionModifications { Remove = LaunchPermissionMapper.ToSdk([LaunchPermission.Public]) }, cancellationToken);

    /// <remarks>ec2:EnableImageDeprecation</remarks>
    public Task<Ec2CallOutcome> SetDeprecationAsync(string imageId, DateTimeOffset deprecateAt, CancellationToken cancellationToken) =>
        _calls.ChangeAsync("EnableImageDeprecation", Ec2ActionClass.Mutate, dryRun: false, async client =>
        {
            var response = await client.EnableImageDeprecationAsync(
                new EnableImageDeprecationRequest { ImageId = imageId, DeprecateAt = Ec2Time.ToRequestTime(deprecateAt) },
                CancellationToken.None);
            return response?.Return;
        }, cancellationToken);

    /// <remarks>ec2:DisableImageDeprecation</remarks>
    public Task<Ec2CallOutcome> ClearDeprecationAsync(string imageId, CancellationToken cancellationToken) =>
        _calls.ChangeAsync("DisableImageDeprecation", Ec2ActionClass.Mutate, dryRun: false, async client =>
        {
            var response = await client.DisableImageDeprecationAsync(
                new DisableImageDeprecationRequest { ImageId = imageId }, CancellationToken.None);
            return response?.Return;
        }, cancellationToken);

    private Task<Ec2CallOutcome> ModifyAsync(string imageId, LaunchPermissionModifications change, CancellationToken cancellationToken) =>
        _calls.ChangeAsync("ModifyImageAttribute", Ec2ActionClass.Deregister, dryRun: false, async client =>
        {
            await client.ModifyImageAttributeAsync(
                new ModifyImageAttributeRequest { ImageId = imageId, LaunchPermission = change },
                CancellationToken.None);
            return true;
        }, cancellationToken);
}
