using AmiAutomation.Functions.Tests.Common;

namespace AmiAutomation.Functions.Tests.Expire.Layers;

/// <summary>
/// The family rule alone keeps the last image of an OS line when another line has newer images (issue 13 item 4):
/// <c>centos-7.9</c> and <c>centos-8.5</c> carry no family tag, so only the built-in rule tells them apart. The old
/// rule (one trailing version stripped) made both <c>centos</c>, and the expired <c>centos-7.9</c> went.
/// </summary>
public sealed class FamilyRuleLayerNecessityTests : LayerNecessityScenario
{
    [Fact]
    public async Task FamilyRule_AloneKeepsTheLastImageOfAnOsLine()
    {
        var lastOfLine = _h.AddImage(b => b.Named("centos-7.9").CreatedDaysAgo(250).DeprecatedAt(SweepHarness.Start.AddDays(-60)));
        var newerLine = _h.AddImage(b => b.Named("centos-8.5").CreatedDaysAgo(1));

        var summary = await RunAsync();

        AssertOnlyControlDeregistered(summary, lastOfLine, newerLine);
        Assert.Equal("centos-7", Line(summary, lastOfLine).Family);
    }
}
