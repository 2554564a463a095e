using AmiAutomation.Aws.Mapping;

namespace AmiAutomation.Aws.Tests.Mapping;

public sealed class StringPoolTests
{
    [Fact]
    public void Share_EqualStrings_GivesTheFirstInstance()
    {
        var pool = new StringPool();
        var first = new string("123456789012");
        var second = new string("123456789012");

        Assert.Same(first, pool.Share(first));
        Assert.Same(first, pool.Share(second));
        Assert.Equal(1, pool.Count);
    }

    [Fact]
    public void Share_TwoPools_ShareNothing()
    {
        // One pool per sweep: a warm Lambda's second invocation must not hold the first one's strings.
        var first = new StringPool();
        var second = new StringPool();
        var a = new string("team");
        var b = new string("team");

        first.Share(a);

        Assert.Same(b, second.Share(b));
        Assert.Equal(1, second.Count);
    }

    [Fact]
    public void Share_NullEmptyAndLongValues_ReturnedWithoutAnEntry()
    {
        var pool = new StringPool();
        var longValue = new string('x', StringPool.MaxPooledLength + 1);

        Assert.Null(pool.Share(null));
        Assert.Same(string.Empty, pool.Share(string.Empty));
        Assert.Same(longValue, pool.Share(longValue));
        Assert.Equal(0, pool.Count);
    }

    [Fact]
    public async Task Share_ConcurrentCallers_AllGetOneInstance()
    {
        var pool = new StringPool();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 2000).Select(i => pool.Share(new string($"value-{i % 50}"))).ToList())));

        foreach (var i in Enumerable.Range(0, 50))
        {
            Assert.Single(results.Select(r => r[i]).Distinct(ReferenceEqualityComparer.Instance));
        }

        Assert.Equal(50, pool.Count);
    }
}
