namespace AmiAutomation.Cli.Errors;

/// <summary>AWS could not be used: no credentials, an unreachable endpoint, access denied. Exit code 3.</summary>
public sealed class AwsAccessException : Exception
{
    public AwsAccessException(string message)
        : base(message)
    {
    }

    public AwsAccessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AwsAccessException()
    {
    }
}
