using AmiAutomation.Core.Images;
using AmiAutomation.Simulation.State;

namespace AmiAutomation.Simulation.Operations;

/// <summary>Who may see or change an image, and the errors EC2 gives otherwise.</summary>
internal static class ImageAccess
{
    public static bool IsOwned(SimImage image, string accountId) => image.OwnerId == accountId;

    /// <summary>Own images, public ones, and ones shared explicitly with the account.</summary>
    public static bool CanSee(SimImage image, string accountId) =>
        image.OwnerId == accountId
        || image.LaunchPermissions.Exists(p => p.Kind == LaunchPermissionKind.Public
            || (p.Kind == LaunchPermissionKind.Account && p.Value == accountId));

    /// <summary>An image the caller owns in the client's region (any registered state unless <paramref name="allowPending"/> is false).</summary>
    public static SimImage Owned(OperationContext context, string? imageId, bool allowPending = true)
    {
        var image = Registered(context, imageId);
        if (!IsOwned(image, context.AccountId))
        {
            throw Ec2Errors.NotOwner(image.ImageId);
        }

        if (!allowPending && image.Status == ImageStatus.Pending)
        {
            throw Ec2Errors.ImageUnavailable(image.ImageId, "it is still pending");
        }

        return image;
    }

    /// <summary>A registered image visible to the caller; NotFound/Unavailable/Malformed otherwise.</summary>
    public static SimImage Registered(OperationContext context, string? imageId)
    {
        imageId = ResourceIds.RequireImageId(imageId);
        var region = context.Region;
        if (region.Images.TryGet(imageId, out var image) && CanSee(image, context.AccountId))
        {
            return image;
        }

        if (region.BinnedImages.Contains(imageId))
        {
            throw Ec2Errors.ImageUnavailable(imageId, "it is in the Recycle Bin");
        }

        if (region.GoneImageIds.Contains(imageId))
        {
            throw Ec2Errors.ImageUnavailable(imageId, "it has been deregistered");
        }

        throw Ec2Errors.ImageNotFound([imageId]);
    }
}
