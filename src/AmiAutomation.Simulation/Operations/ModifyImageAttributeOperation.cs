using AmiAutomation.Core.Images;
using AmiAutomation.Simulation.State;
using Amazon.EC2.Model;
using SdkLaunchPermission = Amazon.EC2.Model.LaunchPermission;
using CoreLaunchPermission = AmiAutomation.Core.Images.LaunchPermission;

namespace AmiAutomation.Simulation.Operations;

/// <summary>
/// ModifyImageAttribute: launch permissions (structured <c>LaunchPermission.Add/Remove</c> or the flat
/// Attribute/OperationType/UserIds/UserGroups/Organization(al Unit)Arns form) and the description.
/// Sharing a disabled image fails with <c>IncorrectState</c> (EC2's code is undocumented; chosen here).
/// Making an image public without a deprecation time schedules one at creation + 2 years, as EC2 does.
/// </summary>
internal static class ModifyImageAttributeOperation
{
    public static ModifyImageAttributeResponse Run(OperationContext context, ModifyImageAttributeRequest request)
    {
        var image = ImageAccess.Owned(context, request.ImageId, allowPending: false);
        var (add, remove) = Changes(request);
        var description = ImageAttributeOperations.DescriptionChange(request);
        if (add.Count == 0 && remove.Count == 0 && description is null)
        {
            throw Ec2Errors.MissingParameter("LaunchPermission or Description");
        }

        if (add.Count > 0 && image.Status == ImageStatus.Disabled)
        {
            throw Ec2Errors.Create(SimulatedErrorCodes.ImageInWrongStateFor(context.World.Options), $"Image {image.ImageId} is disabled; a disabled image cannot be shared. Enable it first.");
        }

        var future = image.LaunchPermissions.Except(remove).Union(add).ToList();
        if (future.Count(p => p.Kind != LaunchPermissionKind.Public) > 1000)
        {
            throw Ec2Errors.Create("ResourceLimitExceeded", $"Image {image.ImageId} would have more than 1000 share entities.");
        }

        context.Commit();
        var becomesPublic = !image.IsPublic && future.Contains(CoreLaunchPermission.Public);
        image.LaunchPermissions.Clear();
        image.LaunchPermissions.AddRange(future);
        if (becomesPublic && image.DeprecationTime is null)
        {
            image.DeprecationTime = TimeFormat.RoundToMinute(image.CreationDate.AddYears(2));
        }

        if (description is not null)
        {
            ImageAttributeOperations.ApplyDescription(image, description);
        }

        return new ModifyImageAttributeResponse { HttpStatusCode = System.Net.HttpStatusCode.OK };
    }

    private static (List<CoreLaunchPermission> Add, List<CoreLaunchPermission> Remove) Changes(ModifyImageAttributeRequest request)
    {
        var add = new List<CoreLaunchPermission>();
        var remove = new List<CoreLaunchPermission>();
        if (request.LaunchPermission is { } modifications)
        {
            add.AddRange((modifications.Add ?? []).Select(Parse));
            remove.AddRange((modifications.Remove ?? []).Select(Parse));
        }

        var flat = new List<CoreLaunchPermission>();
        flat.AddRange((request.UserIds ?? []).Select(id => Parse(new SdkLaunchPermission { UserId = id })));
        flat.AddRange((request.UserGroups ?? []).Select(g => Parse(new SdkLaunchPermission { Group = g })));
        flat.AddRange((request.OrganizationArns ?? []).Select(a => Parse(new SdkLaunchPermission { OrganizationArn = a })));
        flat.AddRange((request.OrganizationalUnitArns ?? []).Select(a => Parse(new SdkLaunchPermission { OrganizationalUnitArn = a })));
        if (flat.Count > 0)
        {
            if (request.Attribute is not null && request.Attribute != "launchPermission")
            {
                throw Ec2Errors.InvalidParameterCombination($"UserIds/UserGroups/OrganizationArns need Attribute launchPermission, not {request.Attribute}.");
            }

            var operation = request.OperationType?.Value;
            if (operation == "add")
            {
                add.AddRange(flat);
            }
            else if (operation == "remove")
            {
                remove.AddRange(flat);
            }
            else
            {
                throw Ec2Errors.MissingParameter("OperationType (add or remove)");
            }
        }

        return (add.Distinct().ToList(), remove.Distinct().ToList());
    }

    private static CoreLaunchPermission Parse(SdkLaunchPermission permission)
    {
        var set = new[] { permission.Group?.Value, permission.UserId, permission.OrganizationArn, permission.OrganizationalUnitArn }.Count(v => v is not null);
        if (set != 1)
        {
            throw Ec2Errors.Create("InvalidAMIAttributeItemValue", "Each launch permission needs exactly one of Group, UserId, OrganizationArn, OrganizationalUnitArn.");
        }

        if (permission.Group is { } group)
        {
            return group.Value == "all"
                ? CoreLaunchPermission.Public
                : throw Ec2Errors.Create("InvalidAMIAttributeItemValue", $"Invalid attribute item value \"{group.Value}\" for Group (only \"all\").");
        }

        if (permission.UserId is { } userId)
        {
            return ResourceIds.IsAccountId(userId)
                ? new CoreLaunchPermission(LaunchPermissionKind.Account, userId)
                : throw Ec2Errors.Create("InvalidAMIAttributeItemValue", $"Invalid attribute item value \"{userId}\" for UserId item type (expecting a 12-digit account id).");
        }

        if (permission.OrganizationArn is { } organization)
        {
            return organization.StartsWith("arn:aws:organizations::", StringComparison.Ordinal) && organization.Contains(":organization/o-", StringComparison.Ordinal)
                ? new CoreLaunchPermission(LaunchPermissionKind.Organization, organization)
                : throw Ec2Errors.Create("InvalidAMIAttributeItemValue", $"Invalid organization ARN \"{organization}\".");
        }

        var unit = permission.OrganizationalUnitArn!;
        return unit.StartsWith("arn:aws:organizations::", StringComparison.Ordinal) && unit.Contains(":ou/o-", StringComparison.Ordinal)
            ? new CoreLaunchPermission(LaunchPermissionKind.OrganizationalUnit, unit)
            : throw Ec2Errors.Create("InvalidAMIAttributeItemValue", $"Invalid organizational unit ARN \"{unit}\".");
    }
}
