using AmiAutomation.Aws.Execution;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Functions.Tests.Common;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>A deregistration or disable context for one image, as the executor hands it to a guard right after its re-check.</summary>
internal static class GuardContexts
{
    public static DeregistrationContext For(
        string imageId, DecisionAction action, ImageState state = ImageState.Available, IReadOnlyList<LaunchPermission>? permissions = null, bool isPublic = false)
    {
        var image = new AmiImage
        {
            ImageId = imageId,
            Region = SweepHarness.Region,
            Name = "svc-" + imageId,
            OwnerId = SweepHarness.AccountId,
            CreationDate = SweepHarness.Start.AddDays(-200),
            State = state,
            IsPublic = isPublic,
            LaunchPermissions = permissions,
        };
        var decision = new Decision
        {
            Image = image,
            Family = "svc",
            Action = action,
            Reasons = [new DecisionReason(action == DecisionAction.Disable ? ReasonCode.DeprecatedLongEnoughToDisable : ReasonCode.DisabledLongEnough, "test")],
        };
        var plan = new Plan("expire", SweepHarness.Region, SweepHarness.Start, [decision], []);
        return new DeregistrationContext(plan, decision, image, 0);
    }
}
