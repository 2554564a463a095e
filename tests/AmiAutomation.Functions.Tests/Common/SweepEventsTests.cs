using System.Text.Json;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Deprecate;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Runtime.Functions;
using AmiAutomation.TestKit.Repository;

namespace AmiAutomation.Functions.Tests.Common;

/// <summary>Every sample event of deprecate and expire in <c>events/</c> parses and runs through its function.</summary>
public sealed class SweepEventsTests
{
    public static TheoryData<string> SweepEvents() => new(SweepEventFiles());

    private static List<string> SweepEventFiles() =>
        [.. RepositoryRoot.EventFiles().Select(f => Path.GetFileName(f)).Where(file =>
            file.StartsWith(DeprecateFunction.FunctionName + "-", StringComparison.Ordinal)
            || file.StartsWith(ExpireFunction.FunctionName + "-", StringComparison.Ordinal))
            .Where(file => file != ClearLatchEvent)];

    /// <summary>Not a sweep: clears the Recycle Bin latch (RestorableOrNothingTests runs it).</summary>
    public const string ClearLatchEvent = "expire-clear-latch.json";

    [Fact]
    public void EventsFolder_HasEveryTriggerOfBothFunctions()
    {
        var files = SweepEventFiles();

        Assert.Equal(
            ["deprecate-manual-dry-run.json", "deprecate-manual-family.json", "deprecate-schedule.json",
             "expire-manual-dry-run.json", "expire-manual-images.json", "expire-schedule.json"],
            files);
    }

    [Theory]
    [MemberData(nameof(SweepEvents))]
    public async Task Event_ParsesAndRunsThroughItsFunction(string file)
    {
        var json = await File.ReadAllTextAsync(RepositoryRoot.File("events", file));
        var input = JsonSerializer.Deserialize(json, FunctionsJsonContext.Default.ManualSweepInput)!;
        var harness = new SweepHarness();
        var isDeprecate = file.StartsWith("deprecate", StringComparison.Ordinal);
        harness.Live().Set(ExpireSettings.KeepNewestVariable, "1");
        var selected = Seed(harness, input, deprecated: !isDeprecate);
        ILambdaFunction function = isDeprecate ? harness.Deprecate() : harness.Expire();

        var summary = await harness.InvokeAsync(function, json);

        Assert.Equal(function.Name, summary.Function);
        Assert.Equal(input.Source ?? "manual", summary.Source);
        Assert.Equal(input.DryRun ?? false, summary.DryRun);
        Assert.True(summary.Completed);
        Assert.Empty(summary.FailedSources);
        var expected = input.DryRun == true ? OutcomeNames.DryRun : OutcomeNames.Succeeded;
        Assert.Equal(selected.Order(StringComparer.Ordinal), summary.Decisions.Where(d => d.Outcome == expected).Select(d => d.ImageId).Order(StringComparer.Ordinal));
        Assert.All(summary.Decisions.Where(d => !selected.Contains(d.ImageId) && d.Action == "None"), d => Assert.NotEqual(string.Empty, d.Reason));
        if (input.IsSelective())
        {
            Assert.Contains(summary.Decisions, d => d.Reason == "NotSelected");
        }
    }

    /// <summary>Seeds old, deprecated images in the families/ids the event names (or in two families) and returns the
    /// ids the function should act on: all of them but each family's newest.</summary>
    private static List<string> Seed(SweepHarness harness, ManualSweepInput input, bool deprecated)
    {
        var families = input.Families ?? ["web-server", "batch-worker"];
        var actOn = new List<string>();
        foreach (var family in families.Append("unselected-family"))
        {
            var selectedFamily = input.Families is null || input.Families.Contains(family);
            for (var age = 3; age >= 1; age--)
            {
                var days = age * 100;
                var id = harness.AddImage(b =>
                {
                    b.Named($"{family}-{days}").Tagged(TagNames.Family, family).CreatedDaysAgo(days);
                    if (deprecated)
                    {
                        b.DeprecatedAt(SweepHarness.Start.AddDays(-days / 2));
                    }
                });
                if (selectedFamily && input.ImageIds is null)
                {
                    actOn.Add(id);
                }
            }

            harness.AddImage(b => b.Named($"{family}-new").Tagged(TagNames.Family, family).CreatedDaysAgo(1));
        }

        foreach (var imageId in input.ImageIds ?? [])
        {
            harness.AddImage(b =>
            {
                b.WithId(imageId).Named("picked-" + imageId).Tagged(TagNames.Family, "picked").CreatedDaysAgo(400);
                if (deprecated)
                {
                    b.DeprecatedAt(SweepHarness.Start.AddDays(-200));
                }
            });
            actOn.Add(imageId);
        }

        if (input.ImageIds is not null)
        {
            harness.AddImage(b => b.Named("picked-new").Tagged(TagNames.Family, "picked").CreatedDaysAgo(1));
        }

        return actOn;
    }
}

internal static class ManualSweepInputExtensions
{
    public static bool IsSelective(this ManualSweepInput input) => input.Families is not null || input.ImageIds is not null;
}
