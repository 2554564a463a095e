using System.Text.Json;
using AmiAutomation.Functions.Restore;
using AmiAutomation.TestKit.Repository;

namespace AmiAutomation.Functions.Tests.Restore;

/// <summary>Every <c>events/restore-*.json</c> request by hand is read through the production JSON context and run
/// against the simulator (the failed-launch events, <c>restore-on-demand-*</c>, in <c>OnDemand/OnDemandEventsTests</c>).</summary>
public sealed class RestoreEventsTests
{
    private const string ImageId = "ami-0a1b2c3d4e5f60718";

    public static TheoryData<string> EventFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in RepositoryRoot.EventFiles().Where(f => Path.GetFileName(f).StartsWith("restore-", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith(OnDemand.OnDemandEventsTests.Prefix, StringComparison.Ordinal)))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void EventFiles_CoverEveryForm() =>
        Assert.Equal(
            ["restore-by-family.json", "restore-by-name.json", "restore-dry-run.json", "restore-enable.json", "restore-image.json", "restore-list.json"],
            EventFiles().Cast<object[]>().Select(row => (string)row[0]).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(EventFiles))]
    public async Task Event_ParsesAndRunsAgainstTheSimulator(string fileName)
    {
        var json = await File.ReadAllTextAsync(RepositoryRoot.File("events", fileName));
        var input = JsonSerializer.Deserialize(json, RestoreJsonContext.Default.RestoreInput);
        Assert.NotNull(input);
        var h = new RestoreHarness();
        if (fileName == "restore-enable.json")
        {
            // The enable form names disabled images (not binned ones).
            foreach (var id in input.Enable!)
            {
                h.AddImage(b => b.WithId(id).Named("web-server-" + id).WithSnapshot(8).Disabled());
            }

            var enabled = await h.InvokeAsync(json);
            Assert.All(enabled.Enabled!, line => Assert.Equal("enabled", line.Status));
            Assert.All(input.Enable!, id => Assert.Equal("available", h.Ec2.FindImage(RestoreHarness.Region, id)?.State.Value));
            return;
        }

        h.AddImage(b => b.WithId(ImageId).Named("web-server-2026-01-15").WithSnapshot(8).WithSnapshot(16).Tagged("team", "web"));
        await h.RetireAsync(ImageId);

        var output = await h.InvokeAsync(json);

        switch (fileName)
        {
            case "restore-list.json":
                Assert.Equal(ImageId, Assert.Single(output.Images!).ImageId);
                break;
            case "restore-dry-run.json":
                Assert.Equal("dry-run", output.Status);
                Assert.True(h.Ec2.IsImageInRecycleBin(RestoreHarness.Region, ImageId));
                break;
            default:
                Assert.Equal("restored", output.Status);
                Assert.Equal(ImageId, output.ImageId);
                Assert.Equal("available", h.Ec2.FindImage(RestoreHarness.Region, ImageId)?.State.Value);
                break;
        }
    }
}
