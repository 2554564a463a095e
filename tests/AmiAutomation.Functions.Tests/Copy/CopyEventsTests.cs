using System.Text.Json;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Copy;
using AmiAutomation.TestKit.Repository;
using static AmiAutomation.Functions.Tests.Copy.CopyHarness;

namespace AmiAutomation.Functions.Tests.Copy;

/// <summary>Every <c>events/copy-*.json</c> parses through the production JSON context and runs against the simulator.</summary>
public sealed class CopyEventsTests
{
    public static TheoryData<string> CopyEvents()
    {
        var data = new TheoryData<string>();
        foreach (var file in CopyEventFiles())
        {
            data.Add(file);
        }

        return data;
    }

    [Fact]
    public void EventsFolder_HasEveryCopyTrigger()
    {
        Assert.Equal(
            ["copy-ami-available-copy.json", "copy-ami-available.json", "copy-ami-failed.json", "copy-manual.json", "copy-reconcile.json"],
            CopyEventFiles());
    }

    [Theory]
    [MemberData(nameof(CopyEvents))]
    public async Task Event_ParsesAndRuns(string file)
    {
        var json = await File.ReadAllTextAsync(RepositoryRoot.File("events", file));
        var input = JsonSerializer.Deserialize(json, CopyJsonContext.Default.CopyInput)!;
        var harness = new CopyHarness();
        var region = input.Region ?? Home;
        var imageId = input.Detail?.ImageId ?? input.ImageId;
        if (imageId is not null)
        {
            Seed(harness, file, region, imageId);
        }
        else
        {
            harness.AddSource(UsEast);
        }

        var output = await harness.InvokeAsync(harness.Function(region), json);

        Assert.Equal(region, output.Summary.Region);
        Assert.True(output.Summary.Completed);
        Assert.Empty(output.Summary.Errors);
        switch (file)
        {
            case "copy-ami-available.json":
                Assert.Equal(1, output.Counts.Started);
                Assert.Single(harness.CopiesOf(UsEast, imageId!));
                break;
            case "copy-ami-available-copy.json":
                Assert.Equal(1, output.Counts.Finished);
                Assert.True(harness.Tags(region, imageId!).ContainsKey(TagNames.CopyFinishedAt));
                break;
            case "copy-ami-failed.json":
                Assert.Equal(1, output.Counts.Failed);
                break;
            case "copy-manual.json":
                Assert.True(output.Summary.DryRun);
                Assert.Equal(input.Regions!.Order(StringComparer.Ordinal), output.Copies.Select(c => c.TargetRegion!).Order(StringComparer.Ordinal));
                Assert.All(output.Copies, c => Assert.Equal(OutcomeNames.DryRun, c.Outcome));
                break;
            case "copy-reconcile.json":
                Assert.Equal("reconcile", output.Kind);
                Assert.Equal(1, output.Counts.Started);
                break;
            default:
                Assert.Fail($"No expectation for {file}: add one.");
                break;
        }
    }

    private static List<string> CopyEventFiles() =>
        [.. RepositoryRoot.EventFiles().Select(f => Path.GetFileName(f)).Where(f => f.StartsWith(CopyFunction.FunctionName + "-", StringComparison.Ordinal))];

    private static void Seed(CopyHarness harness, string file, string region, string imageId)
    {
        switch (file)
        {
            case "copy-ami-available.json" or "copy-manual.json":
                harness.Ec2.AddImage(region, b => b.WithId(imageId).Named("web-20260304").WithSnapshot(8).Tagged(TagNames.CopyTo, UsEast));
                break;
            case "copy-ami-available-copy.json":
                var source = harness.Ec2.AddImage(Home, b => b.Named("web-20260304").WithSnapshot(8).SharedWithAccount("444455556666"));
                harness.Ec2.AddImage(region, b => b.WithId(imageId).Named("web-20260304").WithSnapshot(8)
                    .CopiedFrom(source, Home).Tagged(TagNames.SourceImage, source).Tagged(TagNames.SourceRegion, Home)
                    .Tagged(TagNames.ManagedBy, TagNames.ManagedByValue));
                break;
            case "copy-ami-failed.json":
                harness.Ec2.AddImage(region, b => b.WithId(imageId).Named("web-20260304").Failed("Client.InvalidKMSKey.InvalidState: bad key")
                    .CopiedFrom("ami-0aaaaaaaaaaaaaaaa", Home).Tagged(TagNames.SourceImage, "ami-0aaaaaaaaaaaaaaaa").Tagged(TagNames.SourceRegion, Home));
                break;
            default:
                break;
        }
    }
}
