namespace AmiAutomation.Aws.Paging;

/// <summary>
/// Reads a NextToken listing to the end. Stops on an absent or empty token; a token seen before (a loop) or more than
/// <c>maxPages</c> pages throw <see cref="PagingTruncatedException"/>: a listing that does not end cleanly is not trusted.
/// With a <see cref="PageSizeCheck{TResponse}"/>, a single full page without a NextToken is probed: an endpoint that
/// cuts at MaxResults without a token (moto does for launch templates and their versions) throws too.
/// </summary>
public static class Pager
{
    /// <param name="operation">The EC2 action, for messages.</param>
    /// <param name="fetch">Sends one request with the given token (null for the first page).</param>
    /// <param name="nextToken">The response's NextToken.</param>
    /// <param name="onPage">Consumes one page.</param>
    /// <param name="maxPages">Loop guard.</param>
    /// <param name="cancellationToken">Stops between pages.</param>
    /// <param name="fullPage">The requested page size, how to count a page's items and the probe; null skips the check.</param>
    /// <returns>The number of calls made.</returns>
    public static async Task<int> ReadAllAsync<TResponse>(
        string operation,
        Func<string?, CancellationToken, Task<TResponse>> fetch,
        Func<TResponse, string?> nextToken,
        Action<TResponse> onPage,
        int maxPages,
        CancellationToken cancellationToken,
        PageSizeCheck<TResponse>? fullPage = null)
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentNullException.ThrowIfNull(nextToken);
        ArgumentNullException.ThrowIfNull(onPage);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        for (var calls = 1; ; calls++)
        {
            if (calls > maxPages)
            {
                throw new PagingTruncatedException($"{operation} still returned a NextToken after {maxPages} pages; the listing was not read to the end.");
            }

            cancellationToken.ThrowIfCancellationRequested();
            var response = await fetch(token, cancellationToken)
                ?? throw new PagingTruncatedException($"{operation} returned no response for page {calls}.");
            onPage(response);
            var next = nextToken(response);
            if (string.IsNullOrEmpty(next))
            {
                if (calls == 1 && fullPage is { PageSize: >= 2 } check && check.Count(response) is var count && count >= check.PageSize)
                {
                    // One full page and no token: complete, or cut by an endpoint that does not page? Ask for one item
                    // fewer: an endpoint that pages must now send a NextToken. (After several pages it demonstrably pages.)
                    calls++;
                    var probe = await check.Probe(check.PageSize - 1, cancellationToken);
                    if (probe is null || string.IsNullOrEmpty(nextToken(probe)))
                    {
                        throw new PagingTruncatedException(
                            $"{operation} returned a full page ({count} items, page size {check.PageSize}) without a NextToken, and no NextToken when asked "
                            + $"for {check.PageSize - 1} either: the endpoint does not page, whether more exist is unknown, so the listing is not trusted.");
                    }
                }

                return calls;
            }

            if (!seen.Add(next))
            {
                throw new PagingTruncatedException($"{operation} returned the NextToken '{Abbreviate(next)}' a second time (page {calls}); the listing loops.");
            }

            token = next;
        }
    }

    private static string Abbreviate(string token) => token.Length <= 24 ? token : token[..24] + "…";
}
