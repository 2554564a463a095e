namespace AmiAutomation.Runtime.Hosting;

/// <summary>The Runtime API answered 500, broke the protocol or could not be reached: the process must exit.</summary>
public sealed class RuntimeApiException : Exception
{
    public RuntimeApiException(string message)
        : base(message)
    {
    }

    public RuntimeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RuntimeApiException()
    {
    }
}
