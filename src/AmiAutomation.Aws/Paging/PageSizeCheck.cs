namespace AmiAutomation.Aws.Paging;

/// <summary>
/// For <see cref="Pager"/>'s full-last-page check: the page size a listing asked for (MaxResults), how to count one
/// response's items, and a probe that fetches the first page with a given smaller page size.
/// </summary>
/// <remarks>
/// A one-page listing that comes back full without a NextToken is either complete (exactly a page of items) or cut by
/// an endpoint that ignores paging (moto cuts launch templates and versions at MaxResults and never sends a token).
/// The probe tells them apart: asked for one item fewer, an endpoint that pages answers with a NextToken.
/// </remarks>
public sealed record PageSizeCheck<TResponse>(int PageSize, Func<TResponse, int> Count, Func<int, CancellationToken, Task<TResponse>> Probe);
