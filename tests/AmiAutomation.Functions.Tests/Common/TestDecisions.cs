using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;

namespace AmiAutomation.Functions.Tests.Common;

/// <summary>Hand-built images and decisions for the summary and reporter tests.</summary>
internal static class TestDecisions
{
    public static readonly DateTimeOffset Now = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);

    public static AmiImage Image(string id, string name = "web-1") => new()
    {
        ImageId = id,
        Region = "eu-west-1",
        Name = name,
        OwnerId = "123456789012",
        CreationDate = Now.AddDays(-100),
        State = ImageState.Available,
        Snapshots = [new SnapshotInfo("snap-" + id[4..], 8, "/dev/xvda")],
    };

    public static Decision Act(string id, DecisionAction action, ReasonCode reason) => new()
    {
        Image = Image(id),
        Family = "web",
        Action = action,
        Reasons = [new DecisionReason(reason, "because " + reason)],
    };

    public static Decision Skip(string id, ReasonCode reason) =>
        Decision.Skip(Image(id), "web", new DecisionReason(reason, "kept: " + reason));
}
