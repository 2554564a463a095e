using AmiAutomation.Simulation.State;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Operations;

/// <summary>DescribeImageAttribute (owner only): lastLaunchedTime, launchPermission, description, deregistrationProtection, ….</summary>
internal static class ImageAttributeOperations
{
    public static DescribeImageAttributeResponse Describe(OperationContext context, DescribeImageAttributeRequest request)
    {
        var attribute = request.Attribute?.Value;
        if (string.IsNullOrEmpty(attribute))
        {
            throw Ec2Errors.MissingParameter("Attribute");
        }

        var image = ImageAccess.Owned(context, request.ImageId);
        var result = new ImageAttribute { ImageId = image.ImageId };
        switch (attribute)
        {
            case "lastLaunchedTime":
                result.LastLaunchedTime = TimeFormat.Iso(image.LastLaunchedTime);
                break;
            case "launchPermission":
                result.LaunchPermissions = SdkLists.OrNull(image.LaunchPermissions.Select(ImageMapper.ToSdk).ToList());
                break;
            case "description":
                result.Description = image.Description;
                break;
            case "deregistrationProtection":
                result.DeregistrationProtection = ImageMapper.Protection(image, context.Now);
                break;
            case "blockDeviceMapping":
                throw Ec2Errors.Create("AuthFailure", "Unauthorized attempt to access restricted resource: the blockDeviceMapping attribute is deprecated; use DescribeImages.", System.Net.HttpStatusCode.Forbidden);
            case "kernel" or "ramdisk" or "productCodes" or "sriovNetSupport" or "bootMode" or "tpmSupport" or "uefiData" or "imdsSupport":
                break;
            default:
                throw Ec2Errors.InvalidParameterValue($"Value ({attribute}) for parameter attribute is invalid. Unknown attribute.");
        }

        context.Commit();
        return new DescribeImageAttributeResponse { ImageAttribute = result, HttpStatusCode = System.Net.HttpStatusCode.OK };
    }

    public static string? DescriptionChange(ModifyImageAttributeRequest request) =>
        request.Description ?? (request.Attribute == "description" ? request.Value : null);

    public static void ApplyDescription(SimImage image, string description)
    {
        if (description.Length > 255)
        {
            throw Ec2Errors.InvalidParameterValue("The description exceeds 255 characters.");
        }

        image.Description = description;
    }
}
