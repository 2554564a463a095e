using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Operations;

/// <summary>
/// Enable/DisableImageDeprecation (UG/ami-deprecate): the time rounds to the nearest minute; a time before the call,
/// more than 10 years ahead, or (public images) more than 2 years after creation → InvalidParameterValue [inferred code].
/// </summary>
internal static class DeprecationOperations
{
    public static EnableImageDeprecationResponse Enable(OperationContext context, EnableImageDeprecationRequest request)
    {
        if (request.DeprecateAt is not { } requested)
        {
            throw Ec2Errors.MissingParameter("DeprecateAt");
        }

        var image = ImageAccess.Owned(context, request.ImageId, allowPending: false);

        var at = TimeFormat.FromRequest(requested);
        if (at < context.Now)
        {
            throw Ec2Errors.InvalidParameterValue($"The deprecation time {TimeFormat.Iso(at)} for {image.ImageId} is in the past (now {TimeFormat.Iso(context.Now)}).");
        }

        var rounded = TimeFormat.RoundToMinute(at);
        if (rounded > context.Now.AddYears(10))
        {
            throw Ec2Errors.InvalidParameterValue($"The deprecation time {TimeFormat.Iso(rounded)} for {image.ImageId} is more than 10 years ahead.");
        }

        if (image.IsPublic && rounded > image.CreationDate.AddYears(2))
        {
            throw Ec2Errors.InvalidParameterValue($"{image.ImageId} is public: its deprecation time cannot be more than 2 years after its creation ({TimeFormat.Iso(image.CreationDate)}); make it private first.");
        }

        context.Commit();
        image.DeprecationTime = rounded;
        return new EnableImageDeprecationResponse { Return = true, HttpStatusCode = System.Net.HttpStatusCode.OK };
    }

    public static DisableImageDeprecationResponse Disable(OperationContext context, DisableImageDeprecationRequest request)
    {
        var image = ImageAccess.Owned(context, request.ImageId, allowPending: false);
        context.Commit();
        image.DeprecationTime = null;
        return new DisableImageDeprecationResponse { Return = true, HttpStatusCode = System.Net.HttpStatusCode.OK };
    }
}
