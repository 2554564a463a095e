using AmiAutomation.Aws.Paging;

namespace AmiAutomation.Aws.Inventory;

/// <summary>
/// A last page that is exactly full but carries no NextToken cannot be told apart from a listing cut short (moto stops
/// at 200 launch templates without a token), so the source is not trusted (fail closed). The rare exact multiple of the
/// page size costs one blocked run; losing an image costs more.
/// </summary>
internal static class FullPageCheck
{
    /// <exception cref="PagingTruncatedException">The page is full and has no NextToken.</exception>
    public static void ThrowIfFullWithoutToken(string action, int items, int pageSize, string? nextToken)
    {
        if (string.IsNullOrEmpty(nextToken) && items >= pageSize)
        {
            throw new PagingTruncatedException(
                $"{action} returned a full page of {items} item(s) (page size {pageSize}) without a NextToken; the listing may have been cut short.");
        }
    }
}
