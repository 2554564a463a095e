using AmiAutomation.Simulation.State;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Operations;

/// <summary>DisableImage (drops every launch permission, state <c>disabled</c>) and EnableImage (back to
/// <c>available</c>; shares are NOT restored). Only available/disabled images qualify, else IncorrectState.</summary>
internal static class DisableImageOperations
{
    public static DisableImageResponse Disable(OperationContext context, DisableImageRequest request)
    {
        var image = ImageAccess.Owned(context, request.ImageId, allowPending: false);
        if (image.Status is not (ImageStatus.Available or ImageStatus.Disabled))
        {
            throw Ec2Errors.Create(SimulatedErrorCodes.ImageInWrongStateFor(context.World.Options), $"Image {image.ImageId} is {ImageMapper.StateOf(image.Status).Value}; only available images can be disabled.");
        }

        context.Commit();
        image.Status = ImageStatus.Disabled;
        image.LaunchPermissions.Clear();
        return new DisableImageResponse { Return = true, HttpStatusCode = System.Net.HttpStatusCode.OK };
    }

    public static EnableImageResponse Enable(OperationContext context, EnableImageRequest request)
    {
        var image = ImageAccess.Owned(context, request.ImageId, allowPending: false);
        if (image.Status is not (ImageStatus.Available or ImageStatus.Disabled))
        {
            throw Ec2Errors.Create(SimulatedErrorCodes.ImageInWrongStateFor(context.World.Options), $"Image {image.ImageId} is {ImageMapper.StateOf(image.Status).Value}; only disabled images can be enabled.");
        }

        context.Commit();
        image.Status = ImageStatus.Available;
        return new EnableImageResponse { Return = true, HttpStatusCode = System.Net.HttpStatusCode.OK };
    }
}
