using AmiAutomation.Simulation.Seeding;

namespace AmiAutomation.Simulation.Tests.Seeding;

public sealed class RecycleBinRuleTests
{
    private static readonly Dictionary<string, string> Tags = new() { ["tier"] = "gold", ["team"] = "a" };

    [Fact]
    public void TagLevel_AnyPairMatches_NullValueMatchesAnyValue()
    {
        Assert.True(new RecycleBinRule(RecycleBinResourceType.Ec2Image, 1) { ResourceTags = [new("tier", "silver"), new("team", "a")] }.Matches(Tags));
        Assert.True(new RecycleBinRule(RecycleBinResourceType.Ec2Image, 1) { ResourceTags = [new("tier", null)] }.Matches(Tags));
        Assert.False(new RecycleBinRule(RecycleBinResourceType.Ec2Image, 1) { ResourceTags = [new("tier", "silver")] }.Matches(Tags));
    }

    [Fact]
    public void RegionLevel_MatchesUnlessExcluded()
    {
        Assert.True(new RecycleBinRule(RecycleBinResourceType.EbsSnapshot, 1).Matches(Tags));
        Assert.False(new RecycleBinRule(RecycleBinResourceType.EbsSnapshot, 1) { ExcludeResourceTags = [new("team", "a")] }.Matches(Tags));
    }

    [Fact]
    public void AddRecycleBinRule_ValidatesRetention()
    {
        var world = new TestWorld();

        Assert.Throws<ArgumentOutOfRangeException>(() => world.Simulator.AddRecycleBinRule(TestWorld.East, new RecycleBinRule(RecycleBinResourceType.Ec2Image, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => world.Simulator.AddRecycleBinRule(TestWorld.East, new RecycleBinRule(RecycleBinResourceType.Ec2Image, 366)));
    }
}
