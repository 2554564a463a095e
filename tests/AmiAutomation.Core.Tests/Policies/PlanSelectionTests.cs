using AmiAutomation.Core.Policies;

namespace AmiAutomation.Core.Tests.Policies;

public class PlanSelectionTests
{
    [Theory]
    [InlineData("ami-1", "web", true)]
    [InlineData("ami-2", "api", true)]
    public void Includes_All_SelectsEverything(string imageId, string family, bool expected)
    {
        Assert.Equal(expected, PlanSelection.All.Includes(imageId, family));
    }

    [Theory]
    [InlineData("ami-1", "web", true)]
    [InlineData("ami-1", "Web", false)]
    [InlineData("ami-1", "api", false)]
    public void Includes_Families_MatchesFamilyOrdinally(string imageId, string family, bool expected)
    {
        Assert.Equal(expected, PlanSelection.ForFamilies("web").Includes(imageId, family));
    }

    [Fact]
    public void Includes_BothFilters_RequiresBoth()
    {
        var selection = PlanSelection.ForFamilies("web") with { ImageIds = new HashSet<string>(["ami-1"]) };

        Assert.True(selection.Includes("ami-1", "web"));
        Assert.False(selection.Includes("ami-2", "web"));
        Assert.False(selection.Includes("ami-1", "api"));
    }

    [Fact]
    public void Includes_EmptySet_SelectsNothing()
    {
        Assert.False(PlanSelection.ForImages().Includes("ami-1", "web"));
    }

    [Fact]
    public void DescribeExclusion_NamesWhatDidNotMatch()
    {
        Assert.Equal("family 'api' is not among the 1 selected families", PlanSelection.ForFamilies("web").DescribeExclusion("ami-1", "api"));
        Assert.Equal("image ami-9 is not among the 2 selected image ids", PlanSelection.ForImages("ami-1", "ami-2").DescribeExclusion("ami-9", "web"));
    }
}
