namespace AmiAutomation.Cli.Errors;

/// <summary>Bad usage or input the parser could not catch (a missing event file, a bad <c>--set</c>). Exit code 2.</summary>
public sealed class CliUsageException : Exception
{
    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CliUsageException()
    {
    }
}
