namespace AmiAutomation.Functions.Copy;

/// <summary>
/// The copy run could not even start its work (the event's image or the region's images could not be read). Thrown
/// after the summary is logged so Lambda retries the event; copies are idempotent, so a retry is safe. Partial
/// failures (one copy failed) are data in <see cref="CopyOutput"/>, not this exception.
/// </summary>
public sealed class CopyRunFailedException : Exception
{
    public CopyRunFailedException()
    {
    }

    public CopyRunFailedException(string message)
        : base(message)
    {
    }

    public CopyRunFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
