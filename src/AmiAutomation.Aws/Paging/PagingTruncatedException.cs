namespace AmiAutomation.Aws.Paging;

/// <summary>A listing cannot be trusted to be complete (token loop, too many pages, missing response).</summary>
public sealed class PagingTruncatedException : Exception
{
    public PagingTruncatedException()
    {
    }

    public PagingTruncatedException(string message)
        : base(message)
    {
    }

    public PagingTruncatedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
