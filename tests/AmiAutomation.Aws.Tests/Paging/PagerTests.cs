using AmiAutomation.Aws.Paging;

namespace AmiAutomation.Aws.Tests.Paging;

public sealed class PagerTests
{
    private sealed record Page(int[] Items, string? Next);

    private static Func<string?, CancellationToken, Task<Page>> Pages(params Page[] pages)
    {
        var index = 0;
        return (_, _) => Task.FromResult(pages[index++]);
    }

    [Fact]
    public async Task ReadAllAsync_TokensUntilEmpty_ReadsEveryPage()
    {
        var items = new List<int>();
        var tokens = new List<string?>();

        var calls = await Pager.ReadAllAsync(
            "Op",
            (token, _) =>
            {
                tokens.Add(token);
                return Task.FromResult(token switch
                {
                    null => new Page([1, 2], "a"),
                    "a" => new Page([], "b"),
                    _ => new Page([3], ""),
                });
            },
            p => p.Next,
            p => items.AddRange(p.Items),
            100,
            CancellationToken.None);

        Assert.Equal(3, calls);
        Assert.Equal([1, 2, 3], items);
        Assert.Equal([null, "a", "b"], tokens);
    }

    [Fact]
    public async Task ReadAllAsync_RepeatedToken_ThrowsTruncated()
    {
        var ex = await Assert.ThrowsAsync<PagingTruncatedException>(() => Pager.ReadAllAsync(
            "DescribeImages",
            Pages(new Page([1], "a"), new Page([2], "b"), new Page([3], "a")),
            p => p.Next,
            _ => { },
            100,
            CancellationToken.None));

        Assert.Contains("DescribeImages", ex.Message, StringComparison.Ordinal);
        Assert.Contains("second time", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAllAsync_MorePagesThanAllowed_ThrowsTruncated()
    {
        var n = 0;
        var ex = await Assert.ThrowsAsync<PagingTruncatedException>(() => Pager.ReadAllAsync(
            "Op",
            (_, _) => Task.FromResult(new Page([], "t" + n++)),
            p => p.Next,
            _ => { },
            5,
            CancellationToken.None));

        Assert.Equal(5, n);
        Assert.Contains("after 5 pages", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAllAsync_NullResponse_ThrowsTruncated() =>
        await Assert.ThrowsAsync<PagingTruncatedException>(() => Pager.ReadAllAsync<Page>(
            "Op",
            (_, _) => Task.FromResult<Page>(null!),
            p => p.Next,
            _ => { },
            5,
            CancellationToken.None));

    [Fact]
    public async Task ReadAllAsync_Cancelled_StopsBetweenPages()
    {
        using var cts = new CancellationTokenSource();
        var calls = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Pager.ReadAllAsync(
            "Op",
            (_, _) =>
            {
                calls++;
                cts.Cancel();
                return Task.FromResult(new Page([], "t" + calls));
            },
            p => p.Next,
            _ => { },
            100,
            cts.Token));
        Assert.Equal(1, calls);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("next", false)]
    public async Task ReadAllAsync_OneFullPageWithoutToken_ProbesAndTrustsOnlyAnEndpointThatPages(string? probeToken, bool truncated)
    {
        var probedWith = new List<int>();
        var check = new PageSizeCheck<Page>(3, p => p.Items.Length, (size, _) =>
        {
            probedWith.Add(size);
            return Task.FromResult(new Page([1, 2], probeToken));
        });

        var read = () => Pager.ReadAllAsync("Op", Pages(new Page([1, 2, 3], null)), p => p.Next, _ => { }, 100, CancellationToken.None, check);

        if (truncated)
        {
            var error = await Assert.ThrowsAsync<PagingTruncatedException>(read);
            Assert.Contains("full page (3 items, page size 3)", error.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(2, await read());
        }

        Assert.Equal([2], probedWith);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task ReadAllAsync_ShortLastPageOrSeveralPages_NoProbe(int pages)
    {
        var probed = false;
        var check = new PageSizeCheck<Page>(3, p => p.Items.Length, (_, _) =>
        {
            probed = true;
            return Task.FromResult(new Page([], null));
        });
        var responses = pages == 2 ? new[] { new Page([1, 2, 3], "a"), new Page([4, 5, 6], null) } : [new Page([1, 2], null)];

        await Pager.ReadAllAsync("Op", Pages(responses), p => p.Next, _ => { }, 100, CancellationToken.None, check);

        Assert.False(probed);
    }
}
