using AmiAutomation.Core.Tagging;
using AmiAutomation.Simulation;
using Amazon.EC2.Model;

namespace AmiAutomation.Functions.Tests.Restore;

/// <summary>
/// Two restores of the same image race: the other one restores the image after our snapshots are back, so our
/// RestoreImageFromRecycleBin finds it no longer in the bin. EC2 does not document that error code; the simulator's
/// assumed one (<see cref="SimulatedErrorCodes.ImageNotInRecycleBin"/>) and the alternative must both end in
/// "restored by another call", not in a failure.
/// </summary>
public sealed class RestoreAssumedErrorCodeTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Restore_ImageRestoredByAnotherCallMeanwhile_ReportedRestoredWithEitherCode(bool alternative)
    {
        var h = new RestoreHarness();
        h.Ec2.Options.AlternativeErrorCodes = alternative;
        h.Ec2.Options.SnapshotRestoreDuration = TimeSpan.Zero;
        var imageId = h.AddImage(b => b.Named("web-server-2026-01-15").Tagged(TagNames.Family, "web-server"));
        var record = await h.RetireAsync(imageId);
        h.Ec2.Lies.AfterCall("RestoreSnapshotFromRecycleBin", record!.Snapshots.Count, () => h.Ec2.ClientFor(RestoreHarness.Region)
            .RestoreImageFromRecycleBinAsync(new RestoreImageFromRecycleBinRequest { ImageId = imageId }).GetAwaiter().GetResult());

        var output = await h.InvokeAsync($$"""{"imageId": "{{imageId}}", "dryRun": false}""");

        var refused = Assert.Single(h.Ec2.Calls.All, c => c.Action == "RestoreImageFromRecycleBin" && c.ErrorCode is not null);
        Assert.Equal(alternative ? SimulatedErrorCodes.Alternative.ImageNotInRecycleBin : SimulatedErrorCodes.ImageNotInRecycleBin, refused.ErrorCode);
        Assert.Contains(output.Steps!, s => s.Detail?.Contains("restored by another call", StringComparison.Ordinal) == true);
        Assert.NotEqual("failed", output.Status);
        Assert.Equal("available", h.Ec2.FindImage(RestoreHarness.Region, imageId)?.State.Value);
    }
}
