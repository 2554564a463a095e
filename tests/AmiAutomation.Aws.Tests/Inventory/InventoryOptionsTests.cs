using AmiAutomation.Aws.Inventory;
using AmiAutomation.Core.Inventory;

namespace AmiAutomation.Aws.Tests.Inventory;

/// <summary>Every inventory option at its limits (valid) and one past them (an error naming the option and the value).</summary>
public sealed class InventoryOptionsTests
{
    public static TheoryData<string, Func<int, InventoryOptions>, int, int> Ranges => new()
    {
        // option, set it, lowest valid, highest valid (int.MaxValue = no upper limit)
        { "ImagePageSize", v => new() { ImagePageSize = v }, 1, int.MaxValue },
        { "InstancePageSize", v => new() { InstancePageSize = v }, 5, 1000 },
        { "LaunchTemplatePageSize", v => new() { LaunchTemplatePageSize = v }, 1, 200 },
        { "LaunchTemplateVersionPageSize", v => new() { LaunchTemplateVersionPageSize = v }, 1, 200 },
        { "ImageReferenceBatchSize", v => new() { ImageReferenceBatchSize = v }, 1, 10 },
        { "ImageReferencePageSize", v => new() { ImageReferencePageSize = v }, 5, int.MaxValue },
        { "LaunchConfigurationPageSize", v => new() { LaunchConfigurationPageSize = v }, 1, 100 },
        { "SpotRequestPageSize", v => new() { SpotRequestPageSize = v }, 5, 1000 },
        { "SpotFleetPageSize", v => new() { SpotFleetPageSize = v }, 1, 1000 },
        { "MaxPagesPerListing", v => new() { MaxPagesPerListing = v }, 1, int.MaxValue },
    };

    [Fact]
    public void Validate_Defaults_AreValidAndIncludeManagedResources()
    {
        Assert.Empty(InventoryOptions.Default.Validate());
        Assert.True(InventoryOptions.Default.IncludeManagedResources);
        Assert.Empty(InventoryOptions.Default.DisabledSources);
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Validate_EachLimit_IsValid(string option, Func<int, InventoryOptions> with, int lowest, int highest)
    {
        Assert.True(with(lowest).Validate().Count == 0, $"{option} = {lowest} should be valid");
        Assert.True(with(highest).Validate().Count == 0, $"{option} = {highest} should be valid");
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Validate_OnePastEachLimit_NamesOptionAndValue(string option, Func<int, InventoryOptions> with, int lowest, int highest)
    {
        var tooLow = Assert.Single(with(lowest - 1).Validate());
        Assert.StartsWith(option + " must be", tooLow, StringComparison.Ordinal);
        Assert.Contains($"(is {lowest - 1})", tooLow, StringComparison.Ordinal);
        if (highest != int.MaxValue)
        {
            var tooHigh = Assert.Single(with(highest + 1).Validate());
            Assert.StartsWith(option + " must be", tooHigh, StringComparison.Ordinal);
            Assert.Contains($"(is {highest + 1})", tooHigh, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_ImageReferencePageSizeNull_IsValid()
    {
        Assert.Empty(new InventoryOptions { ImageReferencePageSize = null }.Validate());
    }

    [Fact]
    public void Validate_ImagesDisabled_IsRefused()
    {
        var options = new InventoryOptions { DisabledSources = new HashSet<InventorySource> { InventorySource.Images, InventorySource.Instances } };

        Assert.Equal(["The Images source cannot be disabled."], options.Validate());
    }

    [Fact]
    public void Validate_OtherSourcesDisabled_IsValid()
    {
        var others = Enum.GetValues<InventorySource>().Where(s => s != InventorySource.Images).ToHashSet();

        var options = new InventoryOptions { DisabledSources = others };

        Assert.Empty(options.Validate());
        Assert.False(options.IsEnabled(InventorySource.Instances));
        Assert.True(options.IsEnabled(InventorySource.Images));
    }

    [Fact]
    public void Validate_SeveralProblems_ListsEach()
    {
        var errors = new InventoryOptions { ImagePageSize = 0, SpotFleetPageSize = 1001, MaxPagesPerListing = 0 }.Validate();

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("ImagePageSize", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("SpotFleetPageSize", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("MaxPagesPerListing", StringComparison.Ordinal));
    }
}
