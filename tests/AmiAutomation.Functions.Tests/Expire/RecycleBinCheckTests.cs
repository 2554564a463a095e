using AmiAutomation.Functions.Expire;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>How one check's resources combine: anything known lost wins, then anything unknown, else all in the bin.</summary>
public sealed class RecycleBinCheckTests
{
    private static RecycleBinCheck Check(params BinStatus[] statuses) => new(
        "ami-1",
        [.. statuses.Select((s, i) => new BinResourceCheck(i == 0 ? "ami-1" : $"snap-{i}", i == 0, s, null, s == BinStatus.CouldNotCheck ? "throttled" : null))],
        1,
        TimeSpan.FromSeconds(30));

    [Theory]
    [InlineData(new[] { BinStatus.InBin, BinStatus.InBin }, BinStatus.InBin)]
    [InlineData(new[] { BinStatus.InBin, BinStatus.NotInBin }, BinStatus.NotInBin)]
    [InlineData(new[] { BinStatus.NotInBin, BinStatus.InBin }, BinStatus.NotInBin)]
    [InlineData(new[] { BinStatus.InBin, BinStatus.CouldNotCheck }, BinStatus.CouldNotCheck)]
    [InlineData(new[] { BinStatus.CouldNotCheck, BinStatus.NotInBin, BinStatus.InBin }, BinStatus.NotInBin)]
    [InlineData(new[] { BinStatus.CouldNotCheck, BinStatus.CouldNotCheck }, BinStatus.CouldNotCheck)]
    public void Worst_Statuses_AnyLostThenAnyUnknownElseInBin(BinStatus[] statuses, BinStatus expected) =>
        Assert.Equal(expected, Check(statuses).Worst);

    [Fact]
    public void Describe_InBinResource_NamesItAndWhenItIsPurged()
    {
        var exit = new DateTimeOffset(2027, 1, 6, 12, 0, 0, TimeSpan.Zero);

        var text = new BinResourceCheck("snap-9", false, BinStatus.InBin, exit, null).Describe("ami-1", TimeSpan.FromSeconds(4), 2);

        Assert.Equal("snapshot snap-9 of ami-1 is in the Recycle Bin (purged at 2027-01-06 12:00:00Z)", text);
    }

    [Fact]
    public void Describe_CouldNotCheckWithoutError_SaysNoAnswer()
    {
        var text = new BinResourceCheck("ami-1", true, BinStatus.CouldNotCheck, null, null).Describe("ami-1", TimeSpan.Zero, 1);

        Assert.Contains("could not check whether image ami-1 is in the Recycle Bin (no answer)", text, StringComparison.Ordinal);
        Assert.Contains("the image may well be in the bin, but nothing proves it", text, StringComparison.Ordinal);
    }
}
