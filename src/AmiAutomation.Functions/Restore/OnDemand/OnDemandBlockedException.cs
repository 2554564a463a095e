namespace AmiAutomation.Functions.Restore.OnDemand;

/// <summary>
/// Self-healing could not take the run lease (another destructive run holds it past RUN_LEASE_WAIT_SECONDS). Thrown, not
/// returned: the asynchronous invocation fails, so Lambda retries the event later (twice by default), and the image
/// is healed then. https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html
/// </summary>
public sealed class OnDemandBlockedException : Exception
{
    public OnDemandBlockedException()
    {
    }

    public OnDemandBlockedException(string message)
        : base(message)
    {
    }

    public OnDemandBlockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
