using AmiAutomation.Core.Images;
using AmiAutomation.Simulation.State;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Operations;

/// <summary>
/// DescribeImages with EC2's visibility rules (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ami-deprecate.html,
/// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/disable-an-ami.html): disabled images only with IncludeDisabled=true
/// (even by id, even for the owner); deprecated images hidden from non-owners unless IncludeDeprecated=true or asked
/// by id; deregistered and binned ids asked by id are silently omitted; unknown ids → InvalidAMIID.NotFound.
/// Unlike moto, ImageIds combine with Owners and Filters. Stable order (registration order); MaxResults 1–1000.
/// </summary>
internal static class DescribeImagesOperation
{
    private const string Scope = "DescribeImages";

    private static readonly HashSet<string> KnownFilters = new(StringComparer.Ordinal)
    {
        "architecture", "block-device-mapping.delete-on-termination", "block-device-mapping.device-name",
        "block-device-mapping.snapshot-id", "block-device-mapping.volume-size", "block-device-mapping.volume-type",
        "block-device-mapping.encrypted", "creation-date", "description", "ena-support", "hypervisor", "image-id",
        "image-type", "is-public", "kernel-id", "manifest-location", "name", "owner-alias", "owner-id", "platform",
        "platform-details", "product-code", "product-code.type", "ramdisk-id", "root-device-name", "root-device-type",
        "source-image-id", "source-image-region", "source-instance-id", "state", "state-reason-code",
        "state-reason-message", "sriov-net-support", "tag-key", "tag-value", "usage-operation", "virtualization-type",
    };

    private static readonly HashSet<string> OwnerAliases = new(StringComparer.Ordinal) { "amazon", "aws-marketplace", "aws-backup-vault" };

    public static DescribeImagesResponse Run(OperationContext context, DescribeImagesRequest request)
    {
        var account = context.AccountId;
        var owners = ValidateOwners(request.Owners, account);
        var executableUsers = ValidateExecutableUsers(request.ExecutableUsers, account);
        var filters = FilterSet.Compile(request.Filters, KnownFilters);
        PageToken.CheckRange(request.MaxResults, 1, 1000);
        var start = PageToken.Decode(Scope, request.NextToken);
        var byId = request.ImageIds is { Count: > 0 };
        var ids = byId ? ResolveIds(context, request.ImageIds!) : null;
        context.Commit();

        var includeDisabled = request.IncludeDisabled == true;
        var includeDeprecated = request.IncludeDeprecated == true;
        var region = context.Region;
        var candidates = ids is null
            ? region.Images.From(start)
            : ids.Select((id, position) => (position, region.Images.Find(id)))
                .Where(entry => entry.Item2 is not null && entry.position >= start)
                .Select(entry => (entry.position, entry.Item2!));

        var matches = candidates.Where(entry =>
        {
            var image = entry.Item2;
            var owned = image.OwnerId == account;
            return ImageAccess.CanSee(image, account)
                && (owners is null || owners.Any(o => OwnerMatches(o, image, account) || (o == account && context.World.Lies.ListSharedImagesAsOwned)))
                && (executableUsers is null || executableUsers.Any(u => ExecutableBy(u, image, account)))
                && (image.Status != ImageStatus.Disabled || includeDisabled)
                && (owned || byId || includeDeprecated || !image.IsDeprecatedAt(context.Now))
                && filters.Matches(image, FilterValues);
        });

        var (page, next) = PageToken.Page(matches, request.MaxResults, Scope);
        return new DescribeImagesResponse
        {
            Images = SdkLists.OrNull(page.Select(image => Reported(context, ImageMapper.ToSdk(image, account, context.Now))).ToList()),
            NextToken = next,
            HttpStatusCode = System.Net.HttpStatusCode.OK,
        };
    }

    /// <summary>Applies <see cref="Faults.EmulatorLies.ReportCreationDate"/>.</summary>
    private static Image Reported(OperationContext context, Image image)
    {
        if (context.World.Lies.ReportedCreationDate(image.ImageId) is { } text)
        {
            image.CreationDate = text;
        }

        return image;
    }

    private static List<string> ResolveIds(OperationContext context, List<string> imageIds)
    {
        var ids = imageIds.Distinct(StringComparer.Ordinal).ToList();
        var malformed = ids.Find(id => !ResourceIds.IsImageId(id));
        if (malformed is not null)
        {
            throw Ec2Errors.ImageMalformed(malformed);
        }

        var region = context.Region;
        var unknown = ids.Where(id =>
                !(region.Images.Find(id) is { } image && ImageAccess.CanSee(image, context.AccountId))
                && !region.GoneImageIds.Contains(id)
                && !region.BinnedImages.Contains(id))
            .ToList();
        if (unknown.Count > 0)
        {
            throw Ec2Errors.ImageNotFound(unknown);
        }

        return ids;
    }

    private static List<string>? ValidateOwners(List<string>? owners, string account)
    {
        if (owners is null || owners.Count == 0)
        {
            return null;
        }

        foreach (var owner in owners)
        {
            if (owner != "self" && !OwnerAliases.Contains(owner) && !ResourceIds.IsAccountId(owner))
            {
                throw Ec2Errors.Create("InvalidUserID.Malformed", $"Invalid user id: \"{owner}\" (Owners takes self, an account id, amazon, aws-marketplace or aws-backup-vault)");
            }
        }

        return owners.Select(o => o == "self" ? account : o).ToList();
    }

    private static List<string>? ValidateExecutableUsers(List<string>? users, string account)
    {
        if (users is null || users.Count == 0)
        {
            return null;
        }

        foreach (var user in users)
        {
            if (user != "self" && user != "all" && !ResourceIds.IsAccountId(user))
            {
                throw Ec2Errors.Create("InvalidUserID.Malformed", $"Invalid user id: \"{user}\" (ExecutableUsers takes self, all or an account id)");
            }
        }

        return users.Select(u => u == "self" ? account : u).ToList();
    }

    private static bool OwnerMatches(string owner, SimImage image, string account) =>
        OwnerAliases.Contains(owner) ? image.OwnerAlias == owner : image.OwnerId == owner;

    private static bool ExecutableBy(string user, SimImage image, string account) => user == "all"
        ? image.IsPublic
        : image.LaunchPermissions.Exists(p => p.Kind == LaunchPermissionKind.Account && p.Value == user);

    internal static IEnumerable<string?> FilterValues(SimImage image, string name) => name switch
    {
        "image-id" => [image.ImageId],
        "name" => [image.Name],
        "description" => [image.Description],
        "state" => [ImageMapper.StateOf(image.Status).Value],
        "owner-id" => [image.OwnerId],
        "owner-alias" => [image.OwnerAlias],
        "is-public" => [image.IsPublic ? "true" : "false"],
        "creation-date" => [TimeFormat.Iso(image.CreationDate)],
        "source-image-id" => [image.SourceImageId],
        "source-image-region" => [image.SourceImageRegion],
        "root-device-type" => [image.InstanceStore ? "instance-store" : "ebs"],
        "root-device-name" => [image.RootDeviceName],
        "architecture" => [image.Architecture],
        "image-type" => ["machine"],
        "hypervisor" => ["xen"],
        "virtualization-type" => ["hvm"],
        "ena-support" => ["true"],
        "platform" => [image.Platform],
        "platform-details" => [image.Platform == "windows" ? "Windows" : "Linux/UNIX"],
        "manifest-location" => [image.ImageLocation ?? $"{image.OwnerId}/{image.Name}"],
        "state-reason-code" => [image.StateReasonCode],
        "state-reason-message" => [image.StateReasonMessage],
        "block-device-mapping.snapshot-id" => image.BlockDevices.Select(d => d.SnapshotId),
        "block-device-mapping.device-name" => image.BlockDevices.Select(d => (string?)d.DeviceName),
        "block-device-mapping.volume-size" => image.BlockDevices.Where(d => d.IsEbs).Select(d => (string?)d.VolumeSizeGiB.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        "block-device-mapping.encrypted" => image.BlockDevices.Where(d => d.IsEbs).Select(d => (string?)(d.Encrypted ? "true" : "false")),
        "block-device-mapping.volume-type" => image.BlockDevices.Where(d => d.IsEbs).Select(_ => (string?)"gp3"),
        "block-device-mapping.delete-on-termination" => image.BlockDevices.Where(d => d.IsEbs).Select(_ => (string?)"true"),
        _ => FilterSet.TagValues(image.Tags, name),
    };
}
