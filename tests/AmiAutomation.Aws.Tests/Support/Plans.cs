using AmiAutomation.Aws.Mapping;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using Amazon.EC2.Model;

namespace AmiAutomation.Aws.Tests.Support;

/// <summary>Plans built from the fake's images, as a planner would have seen them.</summary>
internal static class Plans
{
    public static readonly DateTimeOffset PlannedAt = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static Decision Deregister(Image image, string region = "us-east-1") => new()
    {
        Image = Ec2ImageMapper.ToAmiImage(image, region),
        Family = "web",
        Action = DecisionAction.Deregister,
        Reasons = [new DecisionReason(ReasonCode.DeprecatedLongEnough, "deprecated 90 days ago")],
    };

    public static Decision Deprecate(Image image, DateTimeOffset at, string region = "us-east-1") => new()
    {
        Image = Ec2ImageMapper.ToAmiImage(image, region),
        Family = "web",
        Action = DecisionAction.Deprecate,
        Reasons = [new DecisionReason(ReasonCode.OlderThanMaxAge, "older than 30 days")],
        DeprecateAt = at,
    };

    public static Decision Skip(Image image, string region = "us-east-1") =>
        Decision.Skip(Ec2ImageMapper.ToAmiImage(image, region), "web", new DecisionReason(ReasonCode.InUse, "in use"));

    public static Plan Of(params Decision[] decisions) => new("expire", "us-east-1", PlannedAt, decisions, []);
}
