using AmiAutomation.Simulation.State;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Operations;

/// <summary>Deregistration protection. With cooldown, disabling leaves the image protected for 24 hours.
/// Both calls return the string "true".</summary>
internal static class ProtectionOperations
{
    public static readonly TimeSpan Cooldown = TimeSpan.FromHours(24);

    public static EnableImageDeregistrationProtectionResponse Enable(OperationContext context, EnableImageDeregistrationProtectionRequest request)
    {
        var image = ImageAccess.Owned(context, request.ImageId, allowPending: false);
        context.Commit();
        image.Protection = request.WithCooldown == true ? ProtectionMode.EnabledWithCooldown : ProtectionMode.EnabledWithoutCooldown;
        image.ProtectionCooldownUntil = null;
        return new EnableImageDeregistrationProtectionResponse { Return = "true", HttpStatusCode = System.Net.HttpStatusCode.OK };
    }

    public static DisableImageDeregistrationProtectionResponse Disable(OperationContext context, DisableImageDeregistrationProtectionRequest request)
    {
        var image = ImageAccess.Owned(context, request.ImageId, allowPending: false);
        context.Commit();
        if (image.Protection == ProtectionMode.EnabledWithCooldown)
        {
            image.ProtectionCooldownUntil = context.Now + Cooldown;
        }

        image.Protection = ProtectionMode.Disabled;
        return new DisableImageDeregistrationProtectionResponse { Return = "true", HttpStatusCode = System.Net.HttpStatusCode.OK };
    }
}
